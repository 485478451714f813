namespace Dqe.Cdk.Config;

/// <summary>
/// ClickHouse backups and DR drills (docs/backup-dr.md). The backups go to the backups bucket under
/// <c>clickhouse/</c> (the prefix ClickHouse's own IRSA role may write); the function gets these as its
/// DQE_BACKUP_* environment.
/// </summary>
public sealed record BackupConfig
{
    /// <summary>ClickHouse databases to back up (plain identifiers, at least one; keep <c>dqe_dr</c> so region restores measure RPO).</summary>
    public IReadOnlyList<string> Databases { get; init; } = ["default", "dqe_dr"];

    /// <summary>Keep the newest N backups (1-1000).</summary>
    public int KeepCount { get; init; } = 14;

    /// <summary>Delete backups older than this many days (1-3650, below lake.backupsExpireAfterDays so S3 never expires a kept one).</summary>
    public int MaxAgeDays { get; init; } = 35;

    /// <summary><c>native</c> (BACKUP/RESTORE ASYNC, ClickHouse 22.8+) or <c>copy</c> (table copies, old servers).</summary>
    public string Engine { get; init; } = "native";

    /// <summary>Availability zone the az-loss drill drains; empty = the environment's last zone.</summary>
    public string DrillZone { get; init; } = "";

    /// <summary>Tag (key=value) that selects the engine EBS volumes snapshotted with each backup; empty = no EBS snapshots.</summary>
    public string VolumeTag { get; init; } = "";

    /// <summary>Replicate the backups bucket to this environment's replica bucket (cross-region); null = no replication.</summary>
    public BackupReplicaConfig? ReplicateTo { get; init; }

    /// <summary>This environment receives another's replicated backups (creates the deterministic replica bucket).</summary>
    public bool ReceivesReplica { get; init; }

    /// <summary>
    /// Cross-account only: the environment (env, region, account) whose replication role may write into this
    /// environment's replica bucket with its key; needs receivesReplica. Null = replicas come from this account.
    /// </summary>
    public BackupReplicaConfig? ReplicaSource { get; init; }
}
