-- A TPC-H table for ClickHouse 18.16+: standard column names, money as Float64. Template: {table}, {on_cluster}
-- and {engine} are filled per layout (MergeTree on one server; ReplicatedMergeTree *_local + Distributed).
-- shard-key: l_orderkey
CREATE TABLE IF NOT EXISTS {table} {on_cluster}
(
    l_orderkey Int64,
    l_partkey Int32,
    l_suppkey Int32,
    l_linenumber Int32,
    l_quantity Float64,
    l_extendedprice Float64,
    l_discount Float64,
    l_tax Float64,
    l_returnflag String,
    l_linestatus String,
    l_shipdate Date,
    l_commitdate Date,
    l_receiptdate Date,
    l_shipinstruct String,
    l_shipmode String,
    l_comment String
)
ENGINE = {engine}
ORDER BY (l_shipdate, l_orderkey, l_linenumber)
