-- id: q04
-- min-version: 18.16
-- expected-rows: *=5
SELECT o_orderpriority, count() AS order_count
FROM orders
WHERE o_orderdate >= toDate('1993-07-01') AND o_orderdate < toDate('1993-10-01')
    AND o_orderkey GLOBAL IN (SELECT l_orderkey FROM lineitem WHERE l_commitdate < l_receiptdate)
GROUP BY o_orderpriority
ORDER BY o_orderpriority
