-- A TPC-H table for ClickHouse 18.16+: standard column names, money as Float64. Template: {table}, {on_cluster}
-- and {engine} are filled per layout (MergeTree on one server; ReplicatedMergeTree *_local + Distributed).
-- shard-key: p_partkey
CREATE TABLE IF NOT EXISTS {table} {on_cluster}
(
    p_partkey Int32,
    p_name String,
    p_mfgr String,
    p_brand String,
    p_type String,
    p_size Int32,
    p_container String,
    p_retailprice Float64,
    p_comment String
)
ENGINE = {engine}
ORDER BY p_partkey
