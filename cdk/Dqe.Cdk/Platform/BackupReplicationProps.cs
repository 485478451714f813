using Dqe.Cdk.Config;

namespace Dqe.Cdk.Platform;

/// <param name="Lake">The environment's lake: its backups bucket and key are the replication source, or it hosts the replica.</param>
/// <param name="Backup">The backup section: replicateTo (source side) or receivesReplica (target side).</param>
/// <param name="EnvName">This environment's name.</param>
public sealed record BackupReplicationProps(DataLake Lake, BackupConfig Backup, string EnvName);
