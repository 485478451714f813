using System.Globalization;
using Dqe.Core.Backup;
using Dqe.Core.Engines;

namespace Dqe.Core.Recovery.Restore;

/// <summary>
/// The full-region restore, one short step per call (the workflow polls from a Wait loop): find the newest usable
/// (verified) manifest in the replicated backups → RESTORE every database into run-labelled databases
/// (<see cref="BackupNames.Restored"/>) → poll → verify counts/checksums against the manifest and read the newest
/// heartbeat present (RPO) → re-create the Glue tables page by page (the workflow sends them) → re-apply the Kafka
/// topics. The restored databases are dropped by the drill's fail-back, on every path.
/// </summary>
internal sealed class RegionRestoreService
{
    private readonly RegionRestoreOptions _options;
    private readonly IBackupEngine _engine;
    private readonly ISqlRunner _sql;
    private readonly IBackupStore _replica;
    private readonly ITopicApplier? _topics;
    private readonly TimeProvider _time;

    public RegionRestoreService(RegionRestoreOptions options, IBackupEngine engine, ISqlRunner sql, IBackupStore replica, ITopicApplier? topics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_options, _engine, _sql, _replica, _topics, _time) = (options, engine, sql, replica, topics, time);
        Restored = new RestoredDatabases(sql);
    }

    public RestoredDatabases Restored { get; }

    /// <summary>
    /// Picks <paramref name="backupId"/> or the newest usable backup; refuses one that cannot be restored, before
    /// anything is touched. <paramref name="runId"/> is the drill's; an extras-only restore gets its own.
    /// </summary>
    public async Task<RegionRestoreState> FindAsync(string? runId, string? backupId, CancellationToken cancellationToken)
    {
        runId = DrillIds.Require(runId ?? string.Create(CultureInfo.InvariantCulture, $"dr-restore-extras-{_time.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}"));
        BackupManifest manifest;
        if (backupId is not null)
        {
            manifest = await _replica.GetManifestAsync(BackupSql.RequireId(backupId), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"backup '{backupId}' has no manifest in the replicated backups; nothing was restored.");
        }
        else
        {
            var all = await _replica.ListManifestsAsync(cancellationToken).ConfigureAwait(false);
            manifest = all.Where(m => m.Usable).OrderByDescending(m => m.StartedAt).FirstOrDefault()
                ?? throw new InvalidOperationException($"no usable (verified) backup among the {all.Count} replicated manifests; nothing was restored.");
        }

        if (!manifest.Usable)
        {
            throw new InvalidOperationException($"backup '{manifest.Id}' is not usable (state {manifest.State}, verification {(manifest.Verification?.Passed == true ? "passed" : "not passed")}); nothing was restored.");
        }

        if (manifest.BaseBackupId is { } baseId && await _replica.GetManifestAsync(baseId, cancellationToken).ConfigureAwait(false) is not { Usable: true })
        {
            throw new InvalidOperationException($"base '{baseId}' of incremental backup '{manifest.Id}' is missing or unusable in the replica; nothing was restored.");
        }

        var databases = manifest.Databases.ToDictionary(d => d, d => BackupNames.Restored(runId, d), StringComparer.Ordinal);
        return new RegionRestoreState(runId, manifest.Id, manifest.Kind, manifest.StartedAt, _options.Location(manifest.Id), databases,
            _time.GetUtcNow().AddSeconds(_options.RestoreTimeoutSeconds));
    }

    /// <summary>Drops what an earlier try of this run left, then starts RESTORE (ASYNC on a native server).</summary>
    public async Task<RegionRestoreState> StartAsync(RegionRestoreState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var manifest = await LoadAsync(state.BackupId, cancellationToken).ConfigureAwait(false);
        await Restored.DropAsync(state.RunId, cancellationToken).ConfigureAwait(false);
        var target = new RestoreTarget(state.RunId, state.Location, state.Databases, manifest.BaseBackupId is { } b ? _options.Location(b) : null);
        return state with { Progress = await _engine.StartRestoreAsync(manifest, target, cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>One look at the restore; a restore still running past <see cref="RegionRestoreState.GiveUpAt"/> counts as failed.</summary>
    public async Task<RegionRestoreState> PollAsync(RegionRestoreState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var started = state.Progress ?? throw new InvalidOperationException("the restore was not started yet.");
        var progress = await _engine.GetProgressAsync(started.OperationId, cancellationToken).ConfigureAwait(false);
        if (progress.State == BackupState.Running && _time.GetUtcNow() >= state.GiveUpAt)
        {
            progress = progress with { State = BackupState.Failed, Error = string.Create(CultureInfo.InvariantCulture, $"still running after {_options.RestoreTimeoutSeconds} s; given up") };
        }

        return state with { Progress = progress };
    }

    /// <summary>Every manifest table's count and checksum against its restored copy, and the newest heartbeat that came back.</summary>
    public async Task<RegionRestoreState> VerifyAsync(RegionRestoreState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var manifest = await LoadAsync(state.BackupId, cancellationToken).ConfigureAwait(false);
        var checks = new List<TableCheck>();
        var problems = new List<string>();
        DateTimeOffset? newest = null;
        if (state.Progress is not { State: BackupState.Succeeded } progress)
        {
            problems.Add($"restore {state.Progress?.State.ToString() ?? "not started"}: {state.Progress?.Error}".TrimEnd(' ', ':'));
        }
        else
        {
            await new TableStats(_sql).CompareAsync(manifest.Tables, d => state.Databases[d], checks, problems, cancellationToken).ConfigureAwait(false);
            newest = await NewestHeartbeatAsync(state, cancellationToken).ConfigureAwait(false);
        }

        return state with { Verification = new VerificationResult(problems.Count == 0, _time.GetUtcNow(), checks, problems), NewestDataAt = newest };
    }

    /// <summary>Page <paramref name="page"/> of the saved Glue catalog as TableInputs; none when the backup saved no catalog.</summary>
    public async Task<(RegionRestoreState State, System.Text.Json.Nodes.JsonArray Tables, bool More)> CatalogPageAsync(RegionRestoreState state, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (page is < 1 or > 9999)
        {
            throw new ArgumentException($"catalog page must be 1-9999, got {page}.", nameof(page));
        }

        var saved = await _replica.GetAttachmentAsync(state.BackupId, PageFile(page), cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            return page == 1 ? (state with { CatalogPages = 0 }, [], false)
                : throw new InvalidOperationException($"catalog page {page} of backup '{state.BackupId}' is missing from the replica.");
        }

        var tables = GlueTableInputs.From(saved["tables"] as System.Text.Json.Nodes.JsonArray ?? []);
        var more = await _replica.GetAttachmentAsync(state.BackupId, PageFile(page + 1), cancellationToken).ConfigureAwait(false) is not null;
        return (state with { CatalogPages = page, CatalogTables = (page == 1 ? 0 : state.CatalogTables) + tables.Count }, tables, more);
    }

    /// <summary>Re-applies every saved KafkaTopic (create, or merge into the one that exists; nothing is deleted).</summary>
    public async Task<RegionRestoreState> TopicsAsync(RegionRestoreState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var saved = await _replica.GetAttachmentAsync(state.BackupId, BackupExtras.TopicsFile, cancellationToken).ConfigureAwait(false);
        var topics = (saved?["topics"] as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>().ToList();
        if (topics.Count == 0)
        {
            return state with { Topics = [] };
        }

        var applier = _topics ?? throw new InvalidOperationException("no Kafka topic target is configured for this restore.");
        var done = new List<string>();
        foreach (var topic in topics)
        {
            done.Add(await applier.ApplyAsync(topic, cancellationToken).ConfigureAwait(false));
        }

        return state with { Topics = done };
    }

    private async Task<DateTimeOffset?> NewestHeartbeatAsync(RegionRestoreState state, CancellationToken cancellationToken)
    {
        if (!state.Databases.TryGetValue(HeartbeatTable.Database, out var database))
        {
            return null;
        }

        var table = await _sql.QueryAsync($"SELECT count() AS n FROM system.tables WHERE database = '{database}' AND name = 'heartbeat'", cancellationToken).ConfigureAwait(false);
        if (table[0].Int64("n") == 0)
        {
            return null;
        }

        var rows = await _sql.QueryAsync($"SELECT count() AS n, max(written_ms) AS newest FROM `{database}`.heartbeat", cancellationToken).ConfigureAwait(false);
        return rows[0].Int64("n") == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(rows[0].Int64("newest"));
    }

    private static string PageFile(int page) => string.Create(CultureInfo.InvariantCulture, $"glue-tables-{page:D4}.json");

    private async Task<BackupManifest> LoadAsync(string backupId, CancellationToken cancellationToken) =>
        await _replica.GetManifestAsync(backupId, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"no manifest for backup '{backupId}' in the replicated backups.");
}
