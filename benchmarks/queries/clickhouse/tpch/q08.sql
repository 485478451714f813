-- id: q08
-- min-version: 18.16
-- expected-rows: *=2
SELECT o_year, sum(if(nation = 'BRAZIL', volume, 0)) / sum(volume) AS mkt_share
FROM (
    SELECT toYear(o_orderdate) AS o_year, l_extendedprice * (1 - l_discount) AS volume, nation
    FROM (
        SELECT l_orderkey, l_extendedprice, l_discount, nation
        FROM lineitem
        GLOBAL ALL INNER JOIN (
            SELECT s_suppkey AS l_suppkey, n_name AS nation
            FROM supplier GLOBAL ALL INNER JOIN (SELECT n_nationkey AS s_nationkey, n_name FROM nation) USING s_nationkey
        ) USING l_suppkey
        WHERE l_partkey GLOBAL IN (SELECT p_partkey FROM part WHERE p_type = 'ECONOMY ANODIZED STEEL')
    ) GLOBAL ALL INNER JOIN (
        SELECT o_orderkey AS l_orderkey, o_orderdate FROM orders
        WHERE o_orderdate BETWEEN toDate('1995-01-01') AND toDate('1996-12-31')
            AND o_custkey GLOBAL IN (
                SELECT c_custkey FROM customer WHERE c_nationkey GLOBAL IN (
                    SELECT n_nationkey FROM nation WHERE n_regionkey GLOBAL IN (SELECT r_regionkey FROM region WHERE r_name = 'AMERICA')))
    ) USING l_orderkey
)
GROUP BY o_year
ORDER BY o_year
