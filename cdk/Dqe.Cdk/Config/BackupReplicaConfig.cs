namespace Dqe.Cdk.Config;

/// <summary>
/// The environment backups are replicated to. Same AWS account; the replica bucket's name is deterministic
/// (<c>dqe-ENV-backups-replica-ACCOUNT</c>, see Dqe.Cdk.Platform.BackupReplica) and it is encrypted with that
/// environment's data key (<c>alias/dqe-ENV-data</c>), so the primary needs no lookup across regions.
/// </summary>
public sealed record BackupReplicaConfig
{
    /// <summary>Environment name of the target (e.g. dr); that environment sets backup.receivesReplica.</summary>
    public string Env { get; init; } = "";

    /// <summary>The target environment's region (must differ from this one's).</summary>
    public string Region { get; init; } = "";
}
