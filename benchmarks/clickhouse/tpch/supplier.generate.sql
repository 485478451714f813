-- A deterministic TPC-H-shaped generator for ClickHouse 18.16+ (not dbgen: same keys, domains and join paths,
-- different values). Row n depends only on n and the table sizes {suppliers}, {parts}, {customers}, {orders}.
-- One supplier in 20 carries the "Customer ... Complaints" comment that Q16 excludes.
SELECT
    toInt32(number + 1) AS s_suppkey,
    concat('Supplier#', substring(toString(1000000000 + number + 1), 2)) AS s_name,
    concat('addr ', toString(cityHash64(number, 1) % 100000)) AS s_address,
    toInt32(cityHash64(number, 2) % 25) AS s_nationkey,
    concat(toString(s_nationkey + 10), '-', toString(100 + cityHash64(number, 3) % 900), '-', toString(100 + cityHash64(number, 4) % 900), '-', toString(1000 + cityHash64(number, 5) % 9000)) AS s_phone,
    round(-999.99 + (cityHash64(number, 6) % 1099999) / 100, 2) AS s_acctbal,
    if(cityHash64(number, 7) % 20 = 0, 'careful Customer accounts Complaints sleep', concat('quick deposits ', toString(cityHash64(number, 8) % 1000))) AS s_comment
FROM numbers({suppliers})
