-- A deterministic TPC-H-shaped generator for ClickHouse 18.16+ (not dbgen: same keys, domains and join paths,
-- different values). Row n depends only on n and the table sizes {suppliers}, {parts}, {customers}, {orders}.
-- Dates 1992-01-01..1998-08-02 (dbgen's range); customers whose key is a multiple of 3 never order (Q13, Q22).
SELECT
    toInt64(number + 1) AS o_orderkey,
    toInt32(cityHash64(number + 1, 2) % {customers} + 1 - if((cityHash64(number + 1, 2) % {customers} + 1) % 3 = 0, 1, 0)) AS o_custkey,
    toDate('1992-01-01') + toUInt32(cityHash64(number + 1, 1) % 2406) AS o_orderdate,
    multiIf(o_orderdate + 121 < toDate('1995-06-17'), 'F', o_orderdate > toDate('1995-06-17'), 'O', 'P') AS o_orderstatus,
    round(1000 + (cityHash64(number + 1, 3) % 50000000) / 100, 2) AS o_totalprice,
    ['1-URGENT', '2-HIGH', '3-MEDIUM', '4-NOT SPECIFIED', '5-LOW'][cityHash64(number + 1, 4) % 5 + 1] AS o_orderpriority,
    concat('Clerk#', substring(toString(1000000001 + cityHash64(number + 1, 5) % 1000), 2)) AS o_clerk,
    toInt32(0) AS o_shippriority,
    if(cityHash64(number + 1, 6) % 50 = 0, 'pending special deposits requests', concat('order comment ', toString(cityHash64(number + 1, 7) % 1000))) AS o_comment
FROM numbers({orders})
