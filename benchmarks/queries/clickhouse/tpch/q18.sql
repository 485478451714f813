-- id: q18
-- min-version: 18.16
-- expected-rows: gen_tiny=0
SELECT c_name, c_custkey, o_orderkey, o_orderdate, o_totalprice, sum_qty
FROM (
    SELECT o_orderkey, o_custkey AS c_custkey, o_orderdate, o_totalprice, sum_qty
    FROM orders
    GLOBAL ALL INNER JOIN (
        SELECT l_orderkey AS o_orderkey, sum(l_quantity) AS sum_qty FROM lineitem GROUP BY l_orderkey HAVING sum(l_quantity) > 300
    ) USING o_orderkey
) GLOBAL ALL INNER JOIN (SELECT c_custkey, c_name FROM customer) USING c_custkey
ORDER BY o_totalprice DESC, o_orderdate, o_orderkey
LIMIT 100
