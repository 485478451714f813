namespace Dqe.Core.Backup;

/// <summary>One backup to take: its id (also its folder under the destination), kind, base and databases.</summary>
public sealed record BackupPlan(string Id, BackupKind Kind, string? BaseBackupId, IReadOnlyList<string> Databases, DateTimeOffset PlannedAt);
