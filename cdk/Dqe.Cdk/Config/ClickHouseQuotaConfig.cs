namespace Dqe.Cdk.Config;

/// <summary>The per-user quota <c>default</c>: how much one user may run per interval before queries are refused.</summary>
public sealed record ClickHouseQuotaConfig
{
    /// <summary>Interval length in seconds (60-86400).</summary>
    public int IntervalSeconds { get; init; } = 3600;

    /// <summary>Queries per interval (1-10000000).</summary>
    public int Queries { get; init; } = 20000;

    /// <summary>Failed queries per interval (1-10000000).</summary>
    public int Errors { get; init; } = 2000;

    /// <summary>Total execution time per interval in seconds (60-10000000).</summary>
    public int ExecutionTimeSeconds { get; init; } = 36000;
}
