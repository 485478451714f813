namespace Dqe.Core.Backup;

/// <summary>
/// Takes and restores ClickHouse backups. Start* return at once (operations run on the server); callers poll
/// <see cref="GetProgressAsync"/> — the workflow does so from a Wait loop, so no function sleeps.
/// </summary>
public interface IBackupEngine
{
    /// <summary>Starts <paramref name="plan"/> writing to <paramref name="location"/>; <paramref name="baseLocation"/> for incrementals.</summary>
    Task<BackupProgress> StartBackupAsync(BackupPlan plan, string location, string? baseLocation, CancellationToken cancellationToken);

    /// <summary>Starts restoring <paramref name="manifest"/>: each source database into its scratch database (source → scratch).</summary>
    Task<BackupProgress> StartRestoreAsync(BackupManifest manifest, IReadOnlyDictionary<string, string> scratchDatabases, CancellationToken cancellationToken);

    Task<BackupProgress> GetProgressAsync(string operationId, CancellationToken cancellationToken);
}
