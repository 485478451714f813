-- id: q14
-- min-version: 18.16
-- expected-rows: *=1
SELECT 100.00 * sum(if(p_type LIKE 'PROMO%', l_extendedprice * (1 - l_discount), 0)) / sum(l_extendedprice * (1 - l_discount)) AS promo_revenue
FROM lineitem
GLOBAL ALL INNER JOIN (SELECT p_partkey AS l_partkey, p_type FROM part) USING l_partkey
WHERE l_shipdate >= toDate('1995-09-01') AND l_shipdate < toDate('1995-10-01')
