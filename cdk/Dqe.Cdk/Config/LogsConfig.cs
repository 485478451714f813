namespace Dqe.Cdk.Config;

/// <summary>The Amazon OpenSearch domain that receives container and engine logs from Fluent Bit.</summary>
public sealed record LogsConfig
{
    /// <summary>OpenSearch engine version, "MAJOR.MINOR" (e.g. 2.13).</summary>
    public string OpenSearchVersion { get; init; } = "2.13";

    /// <summary>Data node instance type (an OpenSearch ".search" type).</summary>
    public string DataNodeInstanceType { get; init; } = "r6g.large.search";

    /// <summary>Data nodes (1, or a multiple of the zone count for zone awareness; up to 30).</summary>
    public int DataNodes { get; init; } = 3;

    /// <summary>gp3 volume per data node in GiB (10-3000).</summary>
    public int VolumeSizeGb { get; init; } = 100;

    /// <summary>Days log indices are kept before the ISM policy deletes them (1-3650).</summary>
    public int IndexRetentionDays { get; init; } = 14;
}
