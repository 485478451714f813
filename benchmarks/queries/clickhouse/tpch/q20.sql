-- id: q20
-- min-version: 18.16
-- expected-rows: gen_tiny=2
SELECT s_name, s_address
FROM supplier
WHERE s_nationkey GLOBAL IN (SELECT n_nationkey FROM nation WHERE n_name = 'CANADA')
    AND s_suppkey GLOBAL IN (
        SELECT ps_suppkey
        FROM (
            SELECT ps_partkey AS l_partkey, ps_suppkey AS l_suppkey, ps_suppkey, ps_availqty FROM partsupp
            WHERE ps_partkey GLOBAL IN (SELECT p_partkey FROM part WHERE p_name LIKE 'forest%')
        ) GLOBAL ALL INNER JOIN (
            SELECT l_partkey, l_suppkey, 0.5 * sum(l_quantity) AS half_qty FROM lineitem
            WHERE l_shipdate >= toDate('1994-01-01') AND l_shipdate < toDate('1995-01-01')
            GROUP BY l_partkey, l_suppkey
        ) USING l_partkey, l_suppkey
        WHERE ps_availqty > half_qty)
ORDER BY s_name
