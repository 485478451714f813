-- id: q15
-- min-version: 18.16
-- expected-rows: gen_tiny=1
SELECT s_suppkey, s_name, s_address, s_phone, total_revenue
FROM supplier
GLOBAL ALL INNER JOIN (
    SELECT l_suppkey AS s_suppkey, sum(l_extendedprice * (1 - l_discount)) AS total_revenue
    FROM lineitem
    WHERE l_shipdate >= toDate('1996-01-01') AND l_shipdate < toDate('1996-04-01')
    GROUP BY l_suppkey
) USING s_suppkey
WHERE total_revenue = (
    SELECT max(total_revenue) FROM (
        SELECT sum(l_extendedprice * (1 - l_discount)) AS total_revenue FROM lineitem
        WHERE l_shipdate >= toDate('1996-01-01') AND l_shipdate < toDate('1996-04-01')
        GROUP BY l_suppkey))
ORDER BY s_suppkey
