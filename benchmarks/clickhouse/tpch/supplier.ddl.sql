-- A TPC-H table for ClickHouse 18.16+: standard column names, money as Float64. Template: {table}, {on_cluster}
-- and {engine} are filled per layout (MergeTree on one server; ReplicatedMergeTree *_local + Distributed).
-- shard-key: s_suppkey
CREATE TABLE IF NOT EXISTS {table} {on_cluster}
(
    s_suppkey Int32,
    s_name String,
    s_address String,
    s_nationkey Int32,
    s_phone String,
    s_acctbal Float64,
    s_comment String
)
ENGINE = {engine}
ORDER BY s_suppkey
