namespace Dqe.Cdk.Config;

/// <summary>
/// Trino's file-based resource groups: ETL, benchmark and ad-hoc queries under one weighted root, selected by the
/// client's source (X-Trino-Source). Benchmarks get their own group so a run measures the engine, not the queue.
/// </summary>
public sealed record TrinoResourceGroupsConfig
{
    /// <summary>Batch transformations (source matching <see cref="EtlSourcePattern"/>): few at once, most memory.</summary>
    public TrinoResourceGroupConfig Etl { get; init; } = new() { HardConcurrencyLimit = 2, MaxQueued = 50, MemoryGib = 3, SchedulingWeight = 3 };

    /// <summary>The benchmark workflow (source <c>dqe-bench</c>); at least automation.benchmark.maxConcurrency running.</summary>
    public TrinoResourceGroupConfig Benchmark { get; init; } = new() { HardConcurrencyLimit = 4, MaxQueued = 20, MemoryGib = 3, SchedulingWeight = 2 };

    /// <summary>Everything else: people, the CLI, Grafana.</summary>
    public TrinoResourceGroupConfig Adhoc { get; init; } = new() { HardConcurrencyLimit = 10, MaxQueued = 200, MemoryGib = 2, SchedulingWeight = 1 };

    /// <summary>Java regular expression on the client source that routes a query to the ETL group.</summary>
    public string EtlSourcePattern { get; init; } = "dqe-etl.*";
}
