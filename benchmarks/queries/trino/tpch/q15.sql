-- id: q15
-- min-version: 350
WITH revenue AS (
  SELECT suppkey AS supplier_no, sum(extendedprice * (1 - discount)) AS total_revenue
  FROM lineitem
  WHERE shipdate >= DATE '1996-01-01' AND shipdate < DATE '1996-01-01' + INTERVAL '3' MONTH
  GROUP BY suppkey)
SELECT s.suppkey, s.name, s.address, s.phone, r.total_revenue
FROM supplier s, revenue r
WHERE s.suppkey = r.supplier_no AND r.total_revenue = (SELECT max(total_revenue) FROM revenue)
ORDER BY s.suppkey
