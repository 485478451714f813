-- id: q11
-- min-version: 18.16
-- expected-rows: gen_tiny=355
SELECT ps_partkey, sum(ps_supplycost * ps_availqty) AS value
FROM partsupp
WHERE ps_suppkey GLOBAL IN (SELECT s_suppkey FROM supplier WHERE s_nationkey GLOBAL IN (SELECT n_nationkey FROM nation WHERE n_name = 'GERMANY'))
GROUP BY ps_partkey
HAVING value > (
    SELECT sum(ps_supplycost * ps_availqty) * 0.0001 FROM partsupp
    WHERE ps_suppkey GLOBAL IN (SELECT s_suppkey FROM supplier WHERE s_nationkey GLOBAL IN (SELECT n_nationkey FROM nation WHERE n_name = 'GERMANY')))
ORDER BY value DESC, ps_partkey
