-- id: q13
-- min-version: 18.16
-- expected-rows: gen_tiny=33
-- 18.16 fills unmatched LEFT JOIN columns with defaults, not NULL: customers without orders count 0 via the default key 0.
SELECT c_count, count() AS custdist
FROM (
    SELECT c_custkey, countIf(o_orderkey != 0) AS c_count
    FROM (SELECT c_custkey FROM customer)
    GLOBAL ALL LEFT JOIN (
        SELECT o_custkey AS c_custkey, o_orderkey FROM orders WHERE o_comment NOT LIKE '%special%requests%'
    ) USING c_custkey
    GROUP BY c_custkey
)
GROUP BY c_count
ORDER BY custdist DESC, c_count DESC
