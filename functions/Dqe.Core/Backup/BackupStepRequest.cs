namespace Dqe.Core.Backup;

/// <summary>
/// Request of <c>dqe.backup</c>: one step of the backup workflow. <see cref="Action"/> is one of plan (with
/// <see cref="Kind"/> auto|full|incremental), start (<see cref="Plan"/>), poll and complete (<see cref="Progress"/>),
/// verify-start (<see cref="BackupId"/>), verify-finish (<see cref="BackupId"/> + <see cref="Progress"/>),
/// mark-failed (<see cref="BackupId"/> + <see cref="Error"/>), retention, list.
/// </summary>
public sealed record BackupStepRequest(
    string Action,
    string? Kind = null,
    BackupPlan? Plan = null,
    BackupProgress? Progress = null,
    string? BackupId = null,
    string? Error = null);
