-- A deterministic TPC-H-shaped generator for ClickHouse 18.16+ (not dbgen: same keys, domains and join paths,
-- different values). Row n depends only on n and the table sizes {suppliers}, {parts}, {customers}, {orders}.
-- 1..7 lines per order; o_orderdate is recomputed from the order key exactly as orders.generate.sql does.
SELECT
    o AS l_orderkey,
    toInt32(cityHash64(o, line, 1) % {parts} + 1) AS l_partkey,
    toInt32((l_partkey + (cityHash64(o, line, 2) % 4) * (intDiv({suppliers}, 4) + intDiv(l_partkey - 1, {suppliers}))) % {suppliers} + 1) AS l_suppkey,
    toInt32(line) AS l_linenumber,
    toFloat64(1 + cityHash64(o, line, 3) % 50) AS l_quantity,
    l_quantity * (90000 + intDiv(l_partkey, 10) % 20001 + 100 * (l_partkey % 1000)) / 100 AS l_extendedprice,
    (cityHash64(o, line, 4) % 11) / 100 AS l_discount,
    (cityHash64(o, line, 5) % 9) / 100 AS l_tax,
    toDate('1992-01-01') + toUInt32(cityHash64(o, 1) % 2406) AS orderdate,
    orderdate + toUInt32(1 + cityHash64(o, line, 6) % 121) AS l_shipdate,
    orderdate + toUInt32(30 + cityHash64(o, line, 7) % 61) AS l_commitdate,
    l_shipdate + toUInt32(1 + cityHash64(o, line, 8) % 30) AS l_receiptdate,
    if(l_receiptdate <= toDate('1995-06-17'), ['R', 'A'][cityHash64(o, line, 9) % 2 + 1], 'N') AS l_returnflag,
    if(l_shipdate > toDate('1995-06-17'), 'O', 'F') AS l_linestatus,
    ['DELIVER IN PERSON', 'COLLECT COD', 'NONE', 'TAKE BACK RETURN'][cityHash64(o, line, 10) % 4 + 1] AS l_shipinstruct,
    ['REG AIR', 'AIR', 'RAIL', 'SHIP', 'TRUCK', 'MAIL', 'FOB'][cityHash64(o, line, 11) % 7 + 1] AS l_shipmode,
    concat('lineitem comment ', toString(cityHash64(o, line, 12) % 1000)) AS l_comment
FROM (SELECT o, arrayJoin(arrayMap(i -> i + 1, range(toUInt64(cityHash64(o, 50) % 7 + 1)))) AS line FROM (SELECT number + 1 AS o FROM numbers({orders})))
