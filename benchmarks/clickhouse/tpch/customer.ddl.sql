-- A TPC-H table for ClickHouse 18.16+: standard column names, money as Float64. Template: {table}, {on_cluster}
-- and {engine} are filled per layout (MergeTree on one server; ReplicatedMergeTree *_local + Distributed).
-- shard-key: c_custkey
CREATE TABLE IF NOT EXISTS {table} {on_cluster}
(
    c_custkey Int32,
    c_name String,
    c_address String,
    c_nationkey Int32,
    c_phone String,
    c_acctbal Float64,
    c_mktsegment String,
    c_comment String
)
ENGINE = {engine}
ORDER BY c_custkey
