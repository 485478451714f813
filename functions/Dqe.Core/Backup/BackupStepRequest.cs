using System.Text.Json.Nodes;

namespace Dqe.Core.Backup;

/// <summary>
/// Request of <c>dqe.backup</c>: one step of the backup workflow. <see cref="Action"/> is one of plan (with
/// <see cref="Kind"/> auto|full|incremental), start (<see cref="Plan"/>), poll and complete (<see cref="Progress"/>),
/// verify-start (<see cref="BackupId"/>), verify-finish (<see cref="BackupId"/> + <see cref="Progress"/>),
/// mark-failed (<see cref="BackupId"/> + <see cref="Error"/>), retention, list, save-catalog (<see cref="BackupId"/> +
/// <see cref="Page"/> + <see cref="Tables"/>: one glue:GetTables page), export-topics (<see cref="BackupId"/>).
/// </summary>
public sealed record BackupStepRequest(
    string Action,
    string? Kind = null,
    BackupPlan? Plan = null,
    BackupProgress? Progress = null,
    string? BackupId = null,
    string? Error = null,
    int? Page = null,
    JsonArray? Tables = null);
