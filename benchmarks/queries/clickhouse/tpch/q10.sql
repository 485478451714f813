-- id: q10
-- min-version: 18.16
-- expected-rows: gen_tiny=20
SELECT c_custkey, c_name, revenue, c_acctbal, n_name, c_address, c_phone, c_comment
FROM (
    SELECT c_custkey, c_name, revenue, c_acctbal, c_nationkey, c_address, c_phone, c_comment
    FROM (
        SELECT o_custkey AS c_custkey, sum(l_extendedprice * (1 - l_discount)) AS revenue
        FROM lineitem
        GLOBAL ALL INNER JOIN (
            SELECT o_orderkey AS l_orderkey, o_custkey FROM orders
            WHERE o_orderdate >= toDate('1993-10-01') AND o_orderdate < toDate('1994-01-01')
        ) USING l_orderkey
        WHERE l_returnflag = 'R'
        GROUP BY o_custkey
    ) GLOBAL ALL INNER JOIN (SELECT c_custkey, c_name, c_acctbal, c_nationkey, c_address, c_phone, c_comment FROM customer) USING c_custkey
) GLOBAL ALL INNER JOIN (SELECT n_nationkey AS c_nationkey, n_name FROM nation) USING c_nationkey
ORDER BY revenue DESC, c_custkey
LIMIT 20
