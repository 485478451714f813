-- A deterministic TPC-H-shaped generator for ClickHouse 18.16+ (not dbgen: same keys, domains and join paths,
-- different values). Row n depends only on n and the table sizes {suppliers}, {parts}, {customers}, {orders}.
-- p_retailprice is dbgen's formula of the key, so lineitem computes l_extendedprice without a join.
SELECT
    toInt32(number + 1) AS p_partkey,
    arrayStringConcat(arrayMap(i -> ['almond', 'azure', 'blue', 'burlywood', 'chartreuse', 'chocolate', 'coral', 'cream', 'forest', 'frosted',
        'green', 'honeydew', 'ivory', 'khaki', 'lavender', 'lime', 'navy', 'olive', 'orchid', 'peru', 'rose', 'salmon', 'tan', 'violet'][cityHash64(number, i) % 24 + 1], range(5)), ' ') AS p_name,
    concat('Manufacturer#', toString(1 + cityHash64(number, 10) % 5)) AS p_mfgr,
    concat('Brand#', substring(p_mfgr, 14, 1), toString(1 + cityHash64(number, 11) % 5)) AS p_brand,
    concat(['STANDARD', 'SMALL', 'MEDIUM', 'LARGE', 'ECONOMY', 'PROMO'][cityHash64(number, 12) % 6 + 1], ' ',
        ['ANODIZED', 'BURNISHED', 'PLATED', 'POLISHED', 'BRUSHED'][cityHash64(number, 13) % 5 + 1], ' ',
        ['TIN', 'NICKEL', 'BRASS', 'STEEL', 'COPPER'][cityHash64(number, 14) % 5 + 1]) AS p_type,
    toInt32(1 + cityHash64(number, 15) % 50) AS p_size,
    concat(['SM', 'LG', 'MED', 'JUMBO', 'WRAP'][cityHash64(number, 16) % 5 + 1], ' ', ['CASE', 'BOX', 'BAG', 'JAR', 'PKG', 'PACK', 'CAN', 'DRUM'][cityHash64(number, 17) % 8 + 1]) AS p_container,
    (90000 + intDiv(number + 1, 10) % 20001 + 100 * ((number + 1) % 1000)) / 100 AS p_retailprice,
    concat('part comment ', toString(cityHash64(number, 18) % 1000)) AS p_comment
FROM numbers({parts})
