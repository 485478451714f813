-- A TPC-H table for ClickHouse 18.16+: standard column names, money as Float64. Template: {table}, {on_cluster}
-- and {engine} are filled per layout (MergeTree on one server; ReplicatedMergeTree *_local + Distributed).
-- shard-key: o_orderkey
CREATE TABLE IF NOT EXISTS {table} {on_cluster}
(
    o_orderkey Int64,
    o_custkey Int32,
    o_orderstatus String,
    o_totalprice Float64,
    o_orderdate Date,
    o_orderpriority String,
    o_clerk String,
    o_shippriority Int32,
    o_comment String
)
ENGINE = {engine}
ORDER BY (o_orderdate, o_orderkey)
