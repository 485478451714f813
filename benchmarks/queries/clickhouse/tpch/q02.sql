-- id: q02
-- min-version: 18.16
-- expected-rows: gen_tiny=6
-- The correlated minimum cost becomes a join with the per-part minimum over European suppliers.
SELECT s_acctbal, s_name, n_name, p_partkey, p_mfgr, s_address, s_phone, s_comment
FROM (
    SELECT p_partkey, p_mfgr, s_name, s_address, s_phone, s_acctbal, s_comment, s_nationkey
    FROM (
        SELECT p_partkey, p_mfgr, ps_suppkey
        FROM (
            SELECT ps_partkey AS p_partkey, ps_suppkey
            FROM (
                SELECT ps_partkey, ps_suppkey, ps_supplycost FROM partsupp
                WHERE ps_suppkey GLOBAL IN (
                    SELECT s_suppkey FROM supplier WHERE s_nationkey GLOBAL IN (
                        SELECT n_nationkey FROM nation WHERE n_regionkey GLOBAL IN (SELECT r_regionkey FROM region WHERE r_name = 'EUROPE')))
            ) GLOBAL ALL INNER JOIN (
                SELECT ps_partkey, min(ps_supplycost) AS min_cost FROM partsupp
                WHERE ps_suppkey GLOBAL IN (
                    SELECT s_suppkey FROM supplier WHERE s_nationkey GLOBAL IN (
                        SELECT n_nationkey FROM nation WHERE n_regionkey GLOBAL IN (SELECT r_regionkey FROM region WHERE r_name = 'EUROPE')))
                GROUP BY ps_partkey
            ) USING ps_partkey
            WHERE ps_supplycost = min_cost
        ) GLOBAL ALL INNER JOIN (SELECT p_partkey, p_mfgr FROM part WHERE p_size = 15 AND p_type LIKE '%BRASS') USING p_partkey
    ) GLOBAL ALL INNER JOIN (
        SELECT s_suppkey AS ps_suppkey, s_name, s_address, s_phone, s_acctbal, s_comment, s_nationkey FROM supplier
    ) USING ps_suppkey
) GLOBAL ALL INNER JOIN (SELECT n_nationkey AS s_nationkey, n_name FROM nation) USING s_nationkey
ORDER BY s_acctbal DESC, n_name, s_name, p_partkey
LIMIT 100
