using Amazon.CDK.AWS.StepFunctions;

namespace Dqe.Cdk.Automation;

/// <param name="Backup">The backup state machine; null = no backup schedules.</param>
/// <param name="Drill">The DR drill state machine; null = no drill schedules.</param>
/// <param name="VolumeTag">backup.volumeTag (key=value) naming the EBS volumes to snapshot; empty = none.</param>
/// <param name="RegionRestore">
/// backup.receivesReplica: this environment holds another's replicated backups, so it also rehearses the
/// full-region restore from them (first Sunday of the month, 05:00 UTC — three hours after the primary's Sunday
/// full backup, which replication has copied by then, so the drill restores a fresh full backup).
/// </param>
public sealed record BackupSchedulesProps(IStateMachine? Backup, IStateMachine? Drill, string VolumeTag, bool RegionRestore);
