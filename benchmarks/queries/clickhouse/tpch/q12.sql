-- id: q12
-- min-version: 18.16
-- expected-rows: *=2
SELECT l_shipmode,
    sum(if(o_orderpriority = '1-URGENT' OR o_orderpriority = '2-HIGH', 1, 0)) AS high_line_count,
    sum(if(o_orderpriority != '1-URGENT' AND o_orderpriority != '2-HIGH', 1, 0)) AS low_line_count
FROM lineitem
GLOBAL ALL INNER JOIN (SELECT o_orderkey AS l_orderkey, o_orderpriority FROM orders) USING l_orderkey
WHERE l_shipmode IN ('MAIL', 'SHIP') AND l_commitdate < l_receiptdate AND l_shipdate < l_commitdate
    AND l_receiptdate >= toDate('1994-01-01') AND l_receiptdate < toDate('1995-01-01')
GROUP BY l_shipmode
ORDER BY l_shipmode
