-- id: q03
-- min-version: 18.16
-- expected-rows: gen_tiny=10
SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority
FROM lineitem
GLOBAL ALL INNER JOIN (
    SELECT o_orderkey AS l_orderkey, o_orderdate, o_shippriority FROM orders
    WHERE o_orderdate < toDate('1995-03-15') AND o_custkey GLOBAL IN (SELECT c_custkey FROM customer WHERE c_mktsegment = 'BUILDING')
) USING l_orderkey
WHERE l_shipdate > toDate('1995-03-15')
GROUP BY l_orderkey, o_orderdate, o_shippriority
ORDER BY revenue DESC, o_orderdate
LIMIT 10
