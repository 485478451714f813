-- The ClickBench-style `hits` table: the columns its 43 queries touch, with ClickBench's names and types.
-- Runs on ClickHouse 18.16 and later (custom-partitioning MergeTree syntax). A template: {table}, {on_cluster} and
-- {engine} are filled per layout (MergeTree on one server; ReplicatedMergeTree `hits_local` + Distributed `hits`).
-- shard-key: UserID
CREATE TABLE IF NOT EXISTS {table} {on_cluster}
(
    WatchID Int64,
    Title String,
    EventTime DateTime,
    EventDate Date,
    CounterID UInt32,
    ClientIP Int32,
    RegionID UInt32,
    UserID Int64,
    URL String,
    Referer String,
    IsRefresh UInt8,
    ResolutionWidth UInt16,
    MobilePhone UInt8,
    MobilePhoneModel String,
    TraficSourceID Int8,
    SearchEngineID UInt16,
    SearchPhrase String,
    AdvEngineID UInt8,
    IsLink UInt8,
    IsDownload UInt8,
    DontCountHits UInt8,
    WindowClientWidth UInt16,
    WindowClientHeight UInt16,
    URLHash Int64,
    RefererHash Int64
)
ENGINE = {engine}
PARTITION BY toYYYYMM(EventDate)
ORDER BY (CounterID, EventDate, UserID, EventTime, WatchID)
