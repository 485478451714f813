namespace Dqe.Cdk.Config;

/// <summary>
/// Retention per resolution in the metrics bucket, applied by the Thanos compactor. The compactor downsamples
/// raw blocks older than 40 hours to 5m and 5m blocks older than 10 days to 1h.
/// </summary>
public sealed record ThanosConfig
{
    /// <summary>Days raw samples stay in the bucket (2-3650; at least 2 so 5m downsampling has input).</summary>
    public int RawRetentionDays { get; init; } = 30;

    /// <summary>Days 5-minute downsampled data is kept (at least rawRetentionDays and 10, up to 3650).</summary>
    public int FiveMinuteRetentionDays { get; init; } = 180;

    /// <summary>Days 1-hour downsampled data is kept (at least fiveMinuteRetentionDays, up to 3650).</summary>
    public int OneHourRetentionDays { get; init; } = 730;

    /// <summary>Compactor scratch volume in GiB (20-1000).</summary>
    public int CompactorStorageGb { get; init; } = 100;
}
