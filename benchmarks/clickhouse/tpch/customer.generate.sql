-- A deterministic TPC-H-shaped generator for ClickHouse 18.16+ (not dbgen: same keys, domains and join paths,
-- different values). Row n depends only on n and the table sizes {suppliers}, {parts}, {customers}, {orders}.
SELECT
    toInt32(number + 1) AS c_custkey,
    concat('Customer#', substring(toString(1000000000 + number + 1), 2)) AS c_name,
    concat('addr ', toString(cityHash64(number, 1) % 100000)) AS c_address,
    toInt32(cityHash64(number, 2) % 25) AS c_nationkey,
    concat(toString(c_nationkey + 10), '-', toString(100 + cityHash64(number, 3) % 900), '-', toString(100 + cityHash64(number, 4) % 900), '-', toString(1000 + cityHash64(number, 5) % 9000)) AS c_phone,
    round(-999.99 + (cityHash64(number, 6) % 1099999) / 100, 2) AS c_acctbal,
    ['AUTOMOBILE', 'BUILDING', 'FURNITURE', 'MACHINERY', 'HOUSEHOLD'][cityHash64(number, 7) % 5 + 1] AS c_mktsegment,
    concat('customer comment ', toString(cityHash64(number, 8) % 1000)) AS c_comment
FROM numbers({customers})
