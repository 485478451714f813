-- id: q16
-- min-version: 18.16
-- expected-rows: gen_tiny=276
SELECT p_brand, p_type, p_size, uniqExact(ps_suppkey) AS supplier_cnt
FROM partsupp
GLOBAL ALL INNER JOIN (
    SELECT p_partkey AS ps_partkey, p_brand, p_type, p_size FROM part
    WHERE p_brand != 'Brand#45' AND p_type NOT LIKE 'MEDIUM POLISHED%' AND p_size IN (49, 14, 23, 45, 19, 3, 36, 9)
) USING ps_partkey
WHERE ps_suppkey GLOBAL NOT IN (SELECT s_suppkey FROM supplier WHERE s_comment LIKE '%Customer%Complaints%')
GROUP BY p_brand, p_type, p_size
ORDER BY supplier_cnt DESC, p_brand, p_type, p_size
