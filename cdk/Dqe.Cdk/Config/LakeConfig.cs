namespace Dqe.Cdk.Config;

/// <summary>The S3 data lake, backups, reports and access-log buckets: lifecycle in days.</summary>
public sealed record LakeConfig
{
    /// <summary>Days before lake objects move to Intelligent-Tiering (0-365; 0 = immediately).</summary>
    public int IntelligentTieringAfterDays { get; init; } = 30;

    /// <summary>Days before raw lake objects move to Glacier Flexible Retrieval (greater than the tiering days, up to 3650).</summary>
    public int RawGlacierAfterDays { get; init; } = 180;

    /// <summary>Days before backups move to Glacier Instant Retrieval (1-3650); restores stay fast.</summary>
    public int BackupsGlacierAfterDays { get; init; } = 30;

    /// <summary>Days backups are kept before expiry (greater than the Glacier days, up to 3650).</summary>
    public int BackupsExpireAfterDays { get; init; } = 365;

    /// <summary>Days reports are kept (1-3650).</summary>
    public int ReportsExpireAfterDays { get; init; } = 400;

    /// <summary>Days noncurrent object versions are kept in versioned buckets (1-365).</summary>
    public int NoncurrentVersionExpiryDays { get; init; } = 30;

    /// <summary>Object store the engines use for the lake: "s3" (default, through IRSA) or "minio" (in-cluster, for clusters without S3).</summary>
    public string Store { get; init; } = "s3";

    /// <summary>Days S3 server access logs are kept (1-3650).</summary>
    public int AccessLogsExpireAfterDays { get; init; } = 365;
}
