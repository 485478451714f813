-- A deterministic TPC-H-shaped generator for ClickHouse 18.16+ (not dbgen: same keys, domains and join paths,
-- different values). Row n depends only on n and the table sizes {suppliers}, {parts}, {customers}, {orders}.
SELECT
    toInt32(number) AS r_regionkey,
    ['AFRICA', 'AMERICA', 'ASIA', 'EUROPE', 'MIDDLE EAST'][number + 1] AS r_name,
    concat('region comment ', toString(cityHash64(number, 1) % 1000)) AS r_comment
FROM numbers(5)
