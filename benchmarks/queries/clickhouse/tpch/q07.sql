-- id: q07
-- min-version: 18.16
-- expected-rows: gen_tiny=4
SELECT supp_nation, cust_nation, l_year, sum(volume) AS revenue
FROM (
    SELECT supp_nation, cust_nation, toYear(l_shipdate) AS l_year, l_extendedprice * (1 - l_discount) AS volume
    FROM (
        SELECT l_orderkey, l_shipdate, l_extendedprice, l_discount, supp_nation
        FROM lineitem
        GLOBAL ALL INNER JOIN (
            SELECT s_suppkey AS l_suppkey, n_name AS supp_nation
            FROM supplier GLOBAL ALL INNER JOIN (SELECT n_nationkey AS s_nationkey, n_name FROM nation WHERE n_name IN ('FRANCE', 'GERMANY')) USING s_nationkey
        ) USING l_suppkey
        WHERE l_shipdate BETWEEN toDate('1995-01-01') AND toDate('1996-12-31')
    ) GLOBAL ALL INNER JOIN (
        SELECT o_orderkey AS l_orderkey, cust_nation
        FROM orders
        GLOBAL ALL INNER JOIN (
            SELECT c_custkey AS o_custkey, n_name AS cust_nation
            FROM customer GLOBAL ALL INNER JOIN (SELECT n_nationkey AS c_nationkey, n_name FROM nation WHERE n_name IN ('FRANCE', 'GERMANY')) USING c_nationkey
        ) USING o_custkey
    ) USING l_orderkey
    WHERE (supp_nation = 'FRANCE' AND cust_nation = 'GERMANY') OR (supp_nation = 'GERMANY' AND cust_nation = 'FRANCE')
)
GROUP BY supp_nation, cust_nation, l_year
ORDER BY supp_nation, cust_nation, l_year
