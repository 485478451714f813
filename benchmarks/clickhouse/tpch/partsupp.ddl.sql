-- A TPC-H table for ClickHouse 18.16+: standard column names, money as Float64. Template: {table}, {on_cluster}
-- and {engine} are filled per layout (MergeTree on one server; ReplicatedMergeTree *_local + Distributed).
-- shard-key: ps_partkey
CREATE TABLE IF NOT EXISTS {table} {on_cluster}
(
    ps_partkey Int32,
    ps_suppkey Int32,
    ps_availqty Int32,
    ps_supplycost Float64,
    ps_comment String
)
ENGINE = {engine}
ORDER BY (ps_partkey, ps_suppkey)
