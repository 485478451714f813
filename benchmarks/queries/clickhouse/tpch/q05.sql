-- id: q05
-- min-version: 18.16
-- expected-rows: gen_tiny=5
-- The supplier must be in the customer's nation: joined on (order key, nation) pairs.
SELECT n_name, sum(l_extendedprice * (1 - l_discount)) AS revenue
FROM (
    SELECT l_orderkey, l_extendedprice, l_discount, s_nationkey
    FROM lineitem
    GLOBAL ALL INNER JOIN (SELECT s_suppkey AS l_suppkey, s_nationkey FROM supplier) USING l_suppkey
) GLOBAL ALL INNER JOIN (
    SELECT o_orderkey AS l_orderkey, c_nationkey AS s_nationkey, n_name
    FROM (
        SELECT o_orderkey, c_nationkey
        FROM orders
        GLOBAL ALL INNER JOIN (SELECT c_custkey AS o_custkey, c_nationkey FROM customer) USING o_custkey
        WHERE o_orderdate >= toDate('1994-01-01') AND o_orderdate < toDate('1995-01-01')
    ) GLOBAL ALL INNER JOIN (
        SELECT n_nationkey AS c_nationkey, n_name FROM nation
        WHERE n_regionkey GLOBAL IN (SELECT r_regionkey FROM region WHERE r_name = 'ASIA')
    ) USING c_nationkey
) USING l_orderkey, s_nationkey
GROUP BY n_name
ORDER BY revenue DESC
