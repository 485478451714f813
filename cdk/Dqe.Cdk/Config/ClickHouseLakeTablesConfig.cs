namespace Dqe.Cdk.Config;

/// <summary>
/// The ClickHouse copy of the lake table the ingestion job writes (engines.spark.ingestionTable): a replicated local
/// table with skip indexes, a Distributed table over it, and an hourly rollup filled by a materialized view.
/// </summary>
public sealed record ClickHouseLakeTablesConfig
{
    public bool Enabled { get; init; } = true;

    /// <summary>Database of the tables (a lower-case identifier).</summary>
    public string Database { get; init; } = "lake";

    /// <summary>Days of events kept (TTL on the event day; 0 = keep forever, up to 3650). The hourly rollup is kept.</summary>
    public int TtlDays { get; init; } = 400;
}
