namespace Dqe.Cdk.Config;

/// <summary>Trino from the official chart (trinodb.github.io/charts): one coordinator, an autoscaled worker pool.</summary>
public sealed record TrinoConfig
{
    /// <summary>Pinned chart version (MAJOR.MINOR.PATCH); 1.37.0 runs Trino 470.</summary>
    public string ChartVersion { get; init; } = "1.37.0";

    /// <summary>Minimum workers, the HPA floor (3-100).</summary>
    public int Workers { get; init; } = 3;

    /// <summary>Maximum workers, the HPA ceiling (workers-100).</summary>
    public int MaxWorkers { get; init; } = 10;

    /// <summary>Per worker container; JVM heap and query memory are derived from the memory.</summary>
    public PodResourcesConfig Worker { get; init; } = new() { MemoryGib = 4, Cpu = 2 };

    public PodResourcesConfig Coordinator { get; init; } = new() { MemoryGib = 4, Cpu = 2 };

    /// <summary>HPA target average CPU utilisation of the workers, percent of the request (10-100).</summary>
    public int HpaCpuTargetPercent { get; init; } = 70;

    /// <summary>HPA target average memory utilisation of the workers, percent of the request (10-100).</summary>
    public int HpaMemoryTargetPercent { get; init; } = 80;

    /// <summary>Seconds a worker keeps running its tasks after being asked to stop (10-3600); the pod gets twice that.</summary>
    public int GracefulShutdownSeconds { get; init; } = 120;

    /// <summary>Kafka topics exposed as tables of the kafka catalog (schema "default").</summary>
    public IReadOnlyList<string> KafkaTables { get; init; } = ["events"];

    /// <summary>The PostgreSQL database behind the "postgresql" JDBC catalog.</summary>
    public PostgresCatalogConfig Postgres { get; init; } = new();

    /// <summary>Resource groups for ETL, benchmark and ad-hoc queries.</summary>
    public TrinoResourceGroupsConfig ResourceGroups { get; init; } = new();

    /// <summary>Spill to a node-local volume.</summary>
    public TrinoSpillConfig Spill { get; init; } = new();

    /// <summary>Task retries with an exchange on S3 (off by default).</summary>
    public TrinoFaultTolerantConfig FaultTolerantExecution { get; init; } = new();

    /// <summary>File system and metastore caching of the hive catalog.</summary>
    public TrinoCacheConfig Cache { get; init; } = new();

    /// <summary>HTTPS between coordinator and workers (internal communication), plaintext 8080 closed between pods.</summary>
    public InternodeTlsConfig InternalTls { get; init; } = new();
}
