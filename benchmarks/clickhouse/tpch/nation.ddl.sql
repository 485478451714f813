-- A TPC-H table for ClickHouse 18.16+: standard column names, money as Float64. Template: {table}, {on_cluster}
-- and {engine} are filled per layout (MergeTree on one server; ReplicatedMergeTree *_local + Distributed).
-- shard-key: n_nationkey
CREATE TABLE IF NOT EXISTS {table} {on_cluster}
(
    n_nationkey Int32,
    n_name String,
    n_regionkey Int32,
    n_comment String
)
ENGINE = {engine}
ORDER BY n_nationkey
