using System.Text.RegularExpressions;
using Dqe.Core.Engines.ClickHouse;

namespace Dqe.Core.Benchmarks.ClickHouseData;

/// <summary>
/// Where and how the ClickHouse suites keep their tables. Defaults: one server, plain MergeTree tables in
/// <c>default</c>, no lake (only the in-server generators: ClickBench rows, TPC-H <c>gen_*</c> scales).
/// </summary>
/// <param name="Cluster">Cluster name from remote_servers (the ClickHouseInstallation's, <c>dqe</c> by default):
/// ReplicatedMergeTree <c>*_local</c> tables ON CLUSTER plus Distributed tables under the plain names. Null = one server.</param>
/// <param name="Database">Database of the tables; the queries name tables unqualified, so it must be the user's default database.</param>
/// <param name="LakeBucket">Lake bucket holding the Parquet files of <c>curated/tpch/&lt;scale&gt;/&lt;table&gt;/</c> (as the Trino lake writer leaves them); needed for TPC-H scales other than <c>gen_*</c>.</param>
/// <param name="LakeRegion">Region of the lake bucket (for the virtual-hosted S3 URL).</param>
public sealed partial record ClickHouseDataOptions(
    string? Cluster = null,
    string Database = "default",
    string? LakeBucket = null,
    string? LakeRegion = null)
{
    public bool IsCluster => Cluster is not null;

    /// <summary>Throws <see cref="ArgumentException"/> naming the field.</summary>
    public void Validate()
    {
        Require(Cluster is null || ClickHouseClientOptions.Identifier().IsMatch(Cluster), "cluster", $"must be a plain identifier like dqe, got '{Cluster}'");
        Require(ClickHouseClientOptions.Identifier().IsMatch(Database), "database", $"must be a plain identifier like default, got '{Database}'");
        Require(LakeBucket is null || BucketName().IsMatch(LakeBucket), "lakeBucket", $"must be an S3 bucket name (3-63 lowercase letters, digits, '.', '-'), got '{LakeBucket}'");
        Require(LakeRegion is null || RegionName().IsMatch(LakeRegion), "lakeRegion", $"must be an AWS region like eu-west-1, got '{LakeRegion}'");
        Require((LakeBucket is null) == (LakeRegion is null), "lakeRegion", "lakeBucket and lakeRegion go together");
    }

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{field}: {message}.", field);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    internal static partial Regex BucketName();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionName();
}
