namespace Dqe.Cdk.Automation;

/// <summary>What the nightly runs default to from the deployed environment.</summary>
/// <param name="TrinoUrl">Trino's private endpoint (Trino runs, and the lake writer of ClickHouse TPC-H runs).</param>
/// <param name="ClickHouseUrl">ClickHouse's private endpoint.</param>
/// <param name="ClusterName">The cluster the ClickHouseInstallation defines (engines.clickHouse.clusterName).</param>
/// <param name="LakeBucket">The platform stack's lake bucket (a token across stacks).</param>
/// <param name="LakeRegion">Region of the lake bucket.</param>
/// <param name="LakeSchema">The lake's Glue database: the Hive schema the Trino lake writer registers its tables in.</param>
public sealed record BenchmarkTargets(string TrinoUrl, string ClickHouseUrl, string ClusterName, string LakeBucket, string LakeRegion, string LakeSchema);
