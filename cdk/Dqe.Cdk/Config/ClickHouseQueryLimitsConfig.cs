namespace Dqe.Cdk.Config;

/// <summary>The <c>default</c> settings profile every ClickHouse user gets: per-query limits.</summary>
public sealed record ClickHouseQueryLimitsConfig
{
    /// <summary>Memory one query may use on one server in GiB (max_memory_usage), below the pod's memory limit.</summary>
    public int MaxMemoryGib { get; init; } = 5;

    /// <summary>Longest a query may run in seconds (max_execution_time, 1-86400).</summary>
    public int MaxExecutionSeconds { get; init; } = 600;

    /// <summary>Queries a server runs at once across all users (max_concurrent_queries, 10-1000).</summary>
    public int MaxConcurrentQueries { get; init; } = 100;
}
