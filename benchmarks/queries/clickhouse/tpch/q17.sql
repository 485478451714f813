-- id: q17
-- min-version: 18.16
-- expected-rows: *=1
SELECT sum(l_extendedprice) / 7.0 AS avg_yearly
FROM (
    SELECT l_partkey, l_quantity, l_extendedprice FROM lineitem
    WHERE l_partkey GLOBAL IN (SELECT p_partkey FROM part WHERE p_brand = 'Brand#23' AND p_container = 'MED BOX')
) GLOBAL ALL INNER JOIN (
    SELECT l_partkey, 0.2 * avg(l_quantity) AS limit_qty FROM lineitem
    WHERE l_partkey GLOBAL IN (SELECT p_partkey FROM part WHERE p_brand = 'Brand#23' AND p_container = 'MED BOX')
    GROUP BY l_partkey
) USING l_partkey
WHERE l_quantity < limit_qty
