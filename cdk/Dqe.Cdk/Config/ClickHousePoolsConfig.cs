namespace Dqe.Cdk.Config;

/// <summary>Server background thread pools: merges and mutations, replicated fetches, scheduled tasks.</summary>
public sealed record ClickHousePoolsConfig
{
    /// <summary>Threads for merges and mutations (background_pool_size, 2-64 and at most 8 per CPU of the server).</summary>
    public int BackgroundPoolSize { get; init; } = 16;

    /// <summary>Merges queued per thread (background_merges_mutations_concurrency_ratio, 1-4).</summary>
    public int MergesConcurrencyRatio { get; init; } = 2;

    /// <summary>Threads fetching parts from other replicas (background_fetches_pool_size, 1-64).</summary>
    public int FetchesPoolSize { get; init; } = 16;

    /// <summary>Threads for replication queue, Distributed sends and other periodic tasks (background_schedule_pool_size, 16-512).</summary>
    public int SchedulePoolSize { get; init; } = 128;
}
