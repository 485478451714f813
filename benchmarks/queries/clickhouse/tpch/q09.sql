-- id: q09
-- min-version: 18.16
-- expected-rows: gen_tiny=168
SELECT nation, o_year, sum(amount) AS sum_profit
FROM (
    SELECT nation, toYear(o_orderdate) AS o_year, amount
    FROM (
        SELECT l_orderkey, l_extendedprice * (1 - l_discount) - ps_supplycost * l_quantity AS amount, nation
        FROM (
            SELECT l_orderkey, l_partkey, l_suppkey, l_quantity, l_extendedprice, l_discount, nation
            FROM lineitem
            GLOBAL ALL INNER JOIN (
                SELECT s_suppkey AS l_suppkey, n_name AS nation
                FROM supplier GLOBAL ALL INNER JOIN (SELECT n_nationkey AS s_nationkey, n_name FROM nation) USING s_nationkey
            ) USING l_suppkey
            WHERE l_partkey GLOBAL IN (SELECT p_partkey FROM part WHERE p_name LIKE '%green%')
        ) GLOBAL ALL INNER JOIN (SELECT ps_partkey AS l_partkey, ps_suppkey AS l_suppkey, ps_supplycost FROM partsupp) USING l_partkey, l_suppkey
    ) GLOBAL ALL INNER JOIN (SELECT o_orderkey AS l_orderkey, o_orderdate FROM orders) USING l_orderkey
)
GROUP BY nation, o_year
ORDER BY nation, o_year DESC
