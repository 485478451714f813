using Dqe.Cdk.Config;
using Dqe.Cdk.Engines;

namespace Dqe.Cdk.Automation;

/// <param name="Config">The environment's configuration (backup section, zones, ClickHouse cluster name).</param>
/// <param name="Store">Where ClickHouse writes backups: the URL of the backups bucket's clickhouse/ prefix comes from here.</param>
/// <param name="Backup">The dqe.backup function, when a workflow uses it.</param>
/// <param name="Drill">The dqe.dr-drill function, when a workflow uses it.</param>
/// <param name="Restore">The dqe.region-restore function, when a workflow uses it.</param>
/// <param name="Replica">The replica bucket of another environment's backups (backup.receivesReplica); null elsewhere, and then the restore function reads no bucket at all.</param>
public sealed record BackupWiringProps(DqeConfig Config, LakeStore Store, DqeFunction? Backup, DqeFunction? Drill, DqeFunction? Restore = null, Amazon.CDK.AWS.S3.IBucket? Replica = null);
