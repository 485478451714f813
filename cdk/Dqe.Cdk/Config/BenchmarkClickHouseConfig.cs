namespace Dqe.Cdk.Config;

/// <summary>
/// The ClickHouse side of a nightly run. Every default comes from the deployed environment, so a ClickHouse TPC-H run
/// from the lake needs only <c>"engine": "clickhouse"</c>: tables ReplicatedMergeTree + Distributed on the
/// installation's cluster, loaded once per scale from the platform lake bucket, which Trino writes first.
/// </summary>
public sealed record BenchmarkClickHouseConfig
{
    /// <summary>Cluster of the ON CLUSTER tables; empty (default) = engines.clickHouse.clusterName, the cluster the ClickHouseInstallation defines.</summary>
    public string Cluster { get; init; } = "";

    /// <summary>Database of the suite tables, also the bench functions' client database.</summary>
    public string Database { get; init; } = "default";

    /// <summary>Bucket holding curated/tpch/&lt;scale&gt;/&lt;table&gt;/ (lake scales only); empty (default) = the platform stack's lake bucket.</summary>
    public string LakeBucket { get; init; } = "";

    /// <summary>Region of <see cref="LakeBucket"/>; empty (default) = the environment's region.</summary>
    public string LakeRegion { get; init; } = "";

    /// <summary>
    /// Lake scales: before loading, Trino (its private endpoint) writes the scale's Parquet files with CTAS into the
    /// lake's Glue database, once (kept when present with the right row counts). False = the files must already be there.
    /// </summary>
    public bool WriteLake { get; init; } = true;
}
