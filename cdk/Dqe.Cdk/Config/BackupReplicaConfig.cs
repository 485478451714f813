namespace Dqe.Cdk.Config;

/// <summary>
/// The other side of backup replication: the target (<c>backup.replicateTo</c>) or, in the target, the source
/// (<c>backup.replicaSource</c>, cross-account only). The replica bucket's name is deterministic
/// (<c>dqe-ENV-backups-replica-ACCOUNT</c>, see Dqe.Cdk.Platform.BackupReplication), it is encrypted with the
/// target's data key (<c>alias/dqe-ENV-data</c>), and the replication role is <c>dqe-ENV-backups-replication</c>,
/// so neither side needs a lookup across regions or accounts.
/// </summary>
public sealed record BackupReplicaConfig
{
    /// <summary>Environment name of the target (e.g. dr); that environment sets backup.receivesReplica.</summary>
    public string Env { get; init; } = "";

    /// <summary>The target environment's region (must differ from this one's).</summary>
    public string Region { get; init; } = "";

    /// <summary>
    /// AWS account (12 digits) of that environment; empty = this environment's own account. Another account makes the
    /// replication cross-account: replicas are owned by the destination and its bucket and key policies admit the role.
    /// </summary>
    public string Account { get; init; } = "";
}
