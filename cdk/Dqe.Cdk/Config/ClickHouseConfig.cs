namespace Dqe.Cdk.Config;

/// <summary>ClickHouse through the Altinity clickhouse-operator: a replicated, sharded installation and its Keeper ensemble.</summary>
public sealed record ClickHouseConfig
{
    /// <summary>Pinned altinity-clickhouse-operator chart version (MAJOR.MINOR.PATCH).</summary>
    public string OperatorChartVersion { get; init; } = "0.24.5";

    /// <summary>Server image with an explicit version tag (never latest).</summary>
    public string Image { get; init; } = "clickhouse/clickhouse-server:24.8.14.39";

    /// <summary>Keeper image with an explicit version tag, same release line as the server.</summary>
    public string KeeperImage { get; init; } = "clickhouse/clickhouse-keeper:24.8.14.39";

    /// <summary>Name of the cluster in remote_servers, the one Distributed tables and ON CLUSTER name.</summary>
    public string ClusterName { get; init; } = "dqe";

    /// <summary>Shards (1-10). Fixed by config: automation never changes it (resharding moves data).</summary>
    public int Shards { get; init; } = 3;

    /// <summary>Replicas per shard at deploy (1-maxReplicasPerShard).</summary>
    public int ReplicasPerShard { get; init; } = 2;

    /// <summary>Upper bound automation may raise replicasPerShard to under query load (at most the number of AZs).</summary>
    public int MaxReplicasPerShard { get; init; } = 3;

    /// <summary>ClickHouse Keeper nodes: 3 or 5 (an odd quorum).</summary>
    public int KeeperNodes { get; init; } = 3;

    /// <summary>Per server container.</summary>
    public PodResourcesConfig Resources { get; init; } = new() { MemoryGib = 8, Cpu = 4 };

    /// <summary>gp3 data volume per replica in GiB (10-16384).</summary>
    public int StorageGib { get; init; } = 100;

    /// <summary>Compression method for MergeTree parts: lz4 (fast, default), lz4hc or zstd.</summary>
    public string Compression { get; init; } = "lz4";

    public ClickHouseMergeTreeConfig MergeTree { get; init; } = new();

    /// <summary>Background thread pools (merges, fetches, scheduled tasks).</summary>
    public ClickHousePoolsConfig Pools { get; init; } = new();

    /// <summary>Per-query limits of the default settings profile.</summary>
    public ClickHouseQueryLimitsConfig QueryLimits { get; init; } = new();

    /// <summary>Per-user quota.</summary>
    public ClickHouseQuotaConfig Quota { get; init; } = new();

    /// <summary>The lake tables the platform creates in ClickHouse.</summary>
    public ClickHouseLakeTablesConfig LakeTables { get; init; } = new();

    /// <summary>TLS for replication, distributed queries and Keeper (client and Raft); plaintext inter-node ports closed.</summary>
    public InternodeTlsConfig InterserverTls { get; init; } = new();
}
