namespace Dqe.Core.Backup;

/// <summary>What a backup step produced; <see cref="Running"/> tells the workflow's Choice to wait and poll again.</summary>
public sealed record BackupStepResponse(
    string Action,
    BackupPlan? Plan = null,
    BackupProgress? Progress = null,
    BackupManifest? Manifest = null,
    IReadOnlyList<string>? Deleted = null,
    IReadOnlyList<BackupManifest>? Backups = null,
    string? Saved = null,
    int? Count = null)
{
    public bool Running => Progress?.State == BackupState.Running;
}
