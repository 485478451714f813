-- A TPC-H table for ClickHouse 18.16+: standard column names, money as Float64. Template: {table}, {on_cluster}
-- and {engine} are filled per layout (MergeTree on one server; ReplicatedMergeTree *_local + Distributed).
-- shard-key: r_regionkey
CREATE TABLE IF NOT EXISTS {table} {on_cluster}
(
    r_regionkey Int32,
    r_name String,
    r_comment String
)
ENGINE = {engine}
ORDER BY r_regionkey
