using Dqe.Core.Engines;

namespace Dqe.Core.Backup;

/// <summary>
/// Backup and restore verification, one short step per call so a workflow can poll between steps from a
/// Wait loop: plan → start (manifest with counts/checksums) → poll → complete → start verify → poll → finish
/// verify (compare, drop scratch, record) → retention. Every state lands in the manifest.
/// </summary>
internal sealed class BackupService
{
    private readonly BackupOptions _options;
    private readonly IBackupEngine _engine;
    private readonly ISqlRunner _sql;
    private readonly IBackupStore _store;
    private readonly TimeProvider _time;
    private readonly BackupPlanner _planner;
    private readonly TableStats _stats;

    public BackupService(BackupOptions options, IBackupEngine engine, ISqlRunner sql, IBackupStore store, TimeProvider time, ITopicSource? topics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_options, _engine, _sql, _store, _time) = (options, engine, sql, store, time);
        _planner = new BackupPlanner(options);
        _stats = new TableStats(sql);
        Extras = new BackupExtras(store, topics);
    }

    /// <summary>The Glue catalog pages and Kafka topic definitions saved next to a backup.</summary>
    public BackupExtras Extras { get; }

    public async Task<BackupPlan> PlanAsync(BackupKind? kind, CancellationToken cancellationToken) =>
        _planner.Plan(_time.GetUtcNow(), await _store.ListManifestsAsync(cancellationToken).ConfigureAwait(false), kind);

    /// <summary>Records what the tables hold now, saves a Running manifest, then starts the backup.</summary>
    public async Task<BackupProgress> StartAsync(BackupPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var tables = new List<TableSnapshot>();
        foreach (var database in plan.Databases)
        {
            tables.AddRange((await _stats.ReadAsync(database, cancellationToken).ConfigureAwait(false)).Values);
        }

        var started = _time.GetUtcNow();
        var manifest = new BackupManifest(plan.Id, plan.Kind, plan.BaseBackupId, plan.Databases, Location(plan.Id), started, null, 0, 0, tables, BackupState.Running);
        await _store.SaveManifestAsync(manifest, cancellationToken).ConfigureAwait(false);
        return await _engine.StartBackupAsync(plan, manifest.Location, plan.BaseBackupId is { } b ? Location(b) : null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One look at an operation; never waits.</summary>
    public Task<BackupProgress> PollAsync(string operationId, CancellationToken cancellationToken) => _engine.GetProgressAsync(operationId, cancellationToken);

    /// <summary>Records the backup's final state, duration and size.</summary>
    public async Task<BackupManifest> CompleteAsync(BackupProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.State == BackupState.Running)
        {
            throw new InvalidOperationException($"backup {progress.OperationId} is still running; poll until it finishes.");
        }

        var manifest = await LoadAsync(progress.OperationId, cancellationToken).ConfigureAwait(false);
        var finished = _time.GetUtcNow();
        manifest = manifest with
        {
            State = progress.State,
            Error = progress.Error,
            FinishedAt = finished,
            DurationSeconds = (finished - manifest.StartedAt).TotalSeconds,
            TotalBytes = progress.TotalBytes > 0 ? progress.TotalBytes : manifest.Tables.Sum(t => t.Bytes),
        };
        await _store.SaveManifestAsync(manifest, cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>Starts restoring a created backup into fresh scratch databases (leftovers of an earlier try are dropped first).</summary>
    public async Task<BackupProgress> StartVerifyAsync(string backupId, CancellationToken cancellationToken)
    {
        var manifest = await LoadAsync(backupId, cancellationToken).ConfigureAwait(false);
        if (manifest.State != BackupState.Succeeded)
        {
            throw new InvalidOperationException($"backup {backupId} is {manifest.State}, only a created backup can be verified.");
        }

        await DropScratchAsync(backupId, cancellationToken).ConfigureAwait(false);
        return await _engine.StartRestoreAsync(manifest, new RestoreTarget(manifest.Id + BackupNames.VerifySuffix, manifest.Location, Scratch(manifest)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Compares the restored tables with the manifest, drops the scratch databases, records pass/fail.</summary>
    public async Task<BackupManifest> FinishVerifyAsync(string backupId, BackupProgress restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(restore);
        var manifest = await LoadAsync(backupId, cancellationToken).ConfigureAwait(false);
        var checks = new List<TableCheck>();
        var problems = new List<string>();
        try
        {
            if (restore.State != BackupState.Succeeded)
            {
                problems.Add($"restore {restore.State}: {restore.Error}");
            }
            else
            {
                await _stats.CompareAsync(manifest.Tables, d => BackupNames.Scratch(manifest.Id, d), checks, problems, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await DropScratchAsync(backupId, cancellationToken).ConfigureAwait(false);
        }

        manifest = manifest with { Verification = new VerificationResult(problems.Count == 0, _time.GetUtcNow(), checks, problems) };
        await _store.SaveManifestAsync(manifest, cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>Marks a backup unusable after a failure anywhere in its run (the workflow's catch path).</summary>
    public async Task<BackupManifest?> MarkFailedAsync(string backupId, string error, CancellationToken cancellationToken)
    {
        await DropScratchAsync(backupId, cancellationToken).ConfigureAwait(false);
        if (await _store.GetManifestAsync(backupId, cancellationToken).ConfigureAwait(false) is not { } manifest)
        {
            return null;
        }

        var problems = new List<string>(manifest.Verification?.Problems ?? []) { error };
        manifest = manifest.State == BackupState.Succeeded
            ? manifest with { Verification = new VerificationResult(false, _time.GetUtcNow(), manifest.Verification?.Tables ?? [], problems) }
            : manifest with { State = BackupState.Failed, Error = error, FinishedAt = manifest.FinishedAt ?? _time.GetUtcNow() };
        await _store.SaveManifestAsync(manifest, cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>Deletes expired backups (data and manifest); returns their ids.</summary>
    public async Task<IReadOnlyList<string>> ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var expired = _planner.Expired(_time.GetUtcNow(), await _store.ListManifestsAsync(cancellationToken).ConfigureAwait(false));
        foreach (var id in expired)
        {
            await _store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return expired;
    }

    public Task<IReadOnlyList<BackupManifest>> ListAsync(CancellationToken cancellationToken) => _store.ListManifestsAsync(cancellationToken);

    public async Task DropScratchAsync(string backupId, CancellationToken cancellationToken)
    {
        foreach (var database in _options.Databases)
        {
            await _sql.QueryAsync($"DROP DATABASE IF EXISTS `{BackupNames.Scratch(backupId, database)}`", cancellationToken).ConfigureAwait(false);
        }
    }

    private Dictionary<string, string> Scratch(BackupManifest manifest) =>
        manifest.Databases.ToDictionary(d => d, d => BackupNames.Scratch(manifest.Id, d), StringComparer.Ordinal);

    private string Location(string backupId) => $"{_options.Destination.AbsoluteUri.TrimEnd('/')}/{backupId}";

    private async Task<BackupManifest> LoadAsync(string backupId, CancellationToken cancellationToken) =>
        await _store.GetManifestAsync(backupId, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"no manifest for backup '{backupId}'.");
}
