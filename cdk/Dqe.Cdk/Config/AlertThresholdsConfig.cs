namespace Dqe.Cdk.Config;

/// <summary>Thresholds of the Dqe alert rules. The promtool unit tests are written against these defaults.</summary>
public sealed record AlertThresholdsConfig
{
    /// <summary>Fraction of Trino queries failing over 10 minutes that raises an alert (0.001-1).</summary>
    public double TrinoFailureRatio { get; init; } = 0.05;

    /// <summary>Queued Trino queries above which a still-growing queue alerts (1-10000).</summary>
    public int TrinoQueuedQueries { get; init; } = 20;

    /// <summary>Active Trino workers below which the cluster is degraded (1-1000).</summary>
    public int TrinoMinWorkers { get; init; } = 2;

    /// <summary>Trino p95 query execution time (seconds, over five minutes) that alerts (1-86400).</summary>
    public int TrinoP95LatencySeconds { get; init; } = 60;

    /// <summary>ClickHouse replica delay in seconds that alerts (1-86400).</summary>
    public int ClickHouseReplicationDelaySeconds { get; init; } = 300;

    /// <summary>Active parts in one partition that alerts (ClickHouse throttles inserts at 300 by default) (10-10000).</summary>
    public int ClickHouseMaxPartsPerPartition { get; init; } = 250;

    /// <summary>Used fraction of a PersistentVolumeClaim that alerts (0.5-0.99).</summary>
    public double PvcUsedRatio { get; init; } = 0.85;
}
