namespace Dqe.Core.Backup;

/// <summary>
/// Takes and restores ClickHouse backups. Start* return at once (operations run on the server); callers poll
/// <see cref="GetProgressAsync"/> — the workflow does so from a Wait loop, so no function sleeps.
/// </summary>
public interface IBackupEngine
{
    /// <summary>Starts <paramref name="plan"/> writing to <paramref name="location"/>; <paramref name="baseLocation"/> for incrementals.</summary>
    Task<BackupProgress> StartBackupAsync(BackupPlan plan, string location, string? baseLocation, CancellationToken cancellationToken);

    /// <summary>
    /// Starts restoring <paramref name="manifest"/> as <paramref name="target"/> says (location, operation id, source → target databases).
    /// </summary>
    Task<BackupProgress> StartRestoreAsync(BackupManifest manifest, RestoreTarget target, CancellationToken cancellationToken);

    Task<BackupProgress> GetProgressAsync(string operationId, CancellationToken cancellationToken);
}
