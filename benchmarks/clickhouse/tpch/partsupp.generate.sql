-- A deterministic TPC-H-shaped generator for ClickHouse 18.16+ (not dbgen: same keys, domains and join paths,
-- different values). Row n depends only on n and the table sizes {suppliers}, {parts}, {customers}, {orders}.
-- Four suppliers per part with dbgen's spreading formula; lineitem picks one of the same four.
SELECT
    toInt32(intDiv(number, 4) + 1) AS ps_partkey,
    toInt32((ps_partkey + (number % 4) * (intDiv({suppliers}, 4) + intDiv(ps_partkey - 1, {suppliers}))) % {suppliers} + 1) AS ps_suppkey,
    toInt32(1 + cityHash64(number, 1) % 9999) AS ps_availqty,
    round(1 + (cityHash64(number, 2) % 99900) / 100, 2) AS ps_supplycost,
    concat('partsupp comment ', toString(cityHash64(number, 3) % 1000)) AS ps_comment
FROM numbers({parts} * 4)
