-- id: q21
-- min-version: 18.16
-- expected-rows: gen_tiny=4
-- EXISTS/NOT EXISTS over other suppliers of the order become per-order counts of suppliers and of late suppliers.
SELECT s_name, count() AS numwait
FROM (
    SELECT l_orderkey, l_suppkey AS s_suppkey
    FROM (
        SELECT l_orderkey, l_suppkey FROM lineitem
        WHERE l_receiptdate > l_commitdate
            AND l_orderkey GLOBAL IN (SELECT o_orderkey FROM orders WHERE o_orderstatus = 'F')
            AND l_suppkey GLOBAL IN (SELECT s_suppkey FROM supplier WHERE s_nationkey GLOBAL IN (SELECT n_nationkey FROM nation WHERE n_name = 'SAUDI ARABIA'))
    ) GLOBAL ALL INNER JOIN (
        SELECT l_orderkey, uniqExact(l_suppkey) AS suppliers, uniqExactIf(l_suppkey, l_receiptdate > l_commitdate) AS late_suppliers
        FROM lineitem GROUP BY l_orderkey
    ) USING l_orderkey
    WHERE suppliers > 1 AND late_suppliers = 1
) GLOBAL ALL INNER JOIN (SELECT s_suppkey, s_name FROM supplier) USING s_suppkey
GROUP BY s_name
ORDER BY numwait DESC, s_name
LIMIT 100
