namespace Dqe.Core.Backup;

/// <summary>
/// What one backup holds, stored next to it as <c>manifest.json</c>: tables with row counts, checksums and sizes,
/// duration, and the verification outcome. <see cref="Usable"/> is false until a restore verification passed.
/// </summary>
public sealed record BackupManifest(
    string Id,
    BackupKind Kind,
    string? BaseBackupId,
    IReadOnlyList<string> Databases,
    string Location,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    double DurationSeconds,
    long TotalBytes,
    IReadOnlyList<TableSnapshot> Tables,
    BackupState State,
    string Error = "",
    VerificationResult? Verification = null)
{
    public bool Usable => State == BackupState.Succeeded && Verification is { Passed: true };
}
