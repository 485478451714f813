using Dqe.Core.Backup;
using Dqe.Core.Engines;
using Dqe.Core.Recovery;
using Dqe.Core.Recovery.Restore;
using Dqe.Core.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Recovery.Restore;

/// <summary>
/// The region-restore drill end to end on the real local server: a copy-engine backup (18.16 has no BACKUP) is
/// the "replica", the drill restores it into run-labelled databases, verifies, measures RTO/RPO and fails back.
/// The steps run in the workflow's order with the Wait states replaced by advancing the fake clock.
/// </summary>
[Collection(ClickHouseCollection.Name)]
public sealed class RegionRestoreDrillTests(ClickHouseFixture fixture) : IDisposable
{
    private static readonly CanaryResult Up = new(true, true);
    private static readonly CanaryResult TrinoDown = new(true, false, "trino: connection refused");
    private readonly string _root = Directory.CreateTempSubdirectory("dqe-replica-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
    private readonly RecordingTopicApplier _topics = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Drill_UsableReplicatedBackup_RestoresVerifiesMeasuresAndDropsRestoredDatabases()
    {
        var backup = await BackupAsync("rr_ok");
        var service = Drill(new ScriptedCanary(Up, TrinoDown, Up));

        var record = await RunAsync(service, Restore());

        Assert.True(record.Result!.Passed, string.Join("; ", record.Result.Problems));
        Assert.Equal(backup.Id, record.Restore!.BackupId);
        Assert.True(record.Restore.Verification!.Passed);
        Assert.Contains(record.Restore.Verification.Tables, t => t is { Database: "rr_ok", Table: "events", ActualRows: 500 });
        // Two canary rounds 10 s apart after the restore steps: recovered 20 s after the drill started.
        Assert.Equal(20, record.Result.RtoSeconds);
        // Newest heartbeat restored was written 3 h before the drill started.
        Assert.Equal(3 * 3600, record.Result.RpoSeconds);
        Assert.True(record.FailBackVerified);
        Assert.Contains(record.Events, e => e.Kind == "drop-restored" && e.Detail.Contains("dqe_restore_", StringComparison.Ordinal));
        Assert.Equal(0, await RestoredCountAsync(record.RunId));
        Assert.Equal(["created events"], record.Restore.Topics);
    }

    [Fact]
    public async Task Drill_ReplicaContentDiffersFromManifest_FailsNamingTableAndStillDropsRestored()
    {
        var backup = await BackupAsync("rr_bad");
        await fixture.ExecAsync($"INSERT INTO dqe_bk_{backup.Id.Replace('-', '_')}_rr_bad.events VALUES (7, 'corrupted in the replica')");

        var record = await RunAsync(Drill(new ScriptedCanary(Up)), Restore());

        Assert.False(record.Result!.Passed);
        Assert.Contains(record.Result.Problems, p => p.StartsWith("restore: rr_bad.events: expected 500 rows", StringComparison.Ordinal));
        Assert.Null(record.Result.RpoSeconds);
        Assert.True(record.FailBackVerified);
        Assert.Equal(0, await RestoredCountAsync(record.RunId));
    }

    [Fact]
    public async Task Drill_CanaryNeverPasses_TimesOutFailsAndStillDropsRestored()
    {
        await BackupAsync("rr_down");
        var service = Drill(new ScriptedCanary([Up, .. Enumerable.Repeat(TrinoDown, 20)]), timeoutSeconds: 60);

        var record = await RunAsync(service, Restore());

        Assert.True(record.TimedOut);
        Assert.False(record.Result!.Passed);
        Assert.Contains("engines did not answer before the timeout", record.Result.Problems);
        Assert.Contains(record.Events, e => e.Kind == "drop-restored" && e.Detail.Contains("rr_down", StringComparison.Ordinal));
        Assert.Equal(0, await RestoredCountAsync(record.RunId));
        Assert.False(record.FailBackVerified);
    }

    [Fact]
    public async Task Runner_RegionRestore_RestoresMeasuresFailsBackAndShowsEveryStep()
    {
        await BackupAsync("rr_cli");
        var shown = new List<DrillEvent>();

        var record = await new DrillRunner(Drill(new ScriptedCanary(Up)), _time, TimeSpan.Zero, TimeSpan.Zero, Restore()).RunAsync(DrScenario.RegionRestore, shown.Add, default);

        Assert.True(record.Result!.Passed, string.Join("; ", record.Result.Problems));
        Assert.Equal(0, record.HeartbeatsWritten);
        Assert.Contains(shown, e => e.Kind == "verified" && e.Detail.EndsWith("tables match", StringComparison.Ordinal));
        Assert.Contains(shown, e => e.Kind == "catalog" && e.Detail.StartsWith("skipped", StringComparison.Ordinal));
        Assert.True(record.FailBackVerified);
        Assert.Equal(0, await RestoredCountAsync(record.RunId));
    }

    [Fact]
    public async Task FailBack_AfterCrashMidRestore_DropsWhatTheRunCreated()
    {
        await BackupAsync("rr_crash");
        var service = Drill(new ScriptedCanary(Up));
        var record = await service.InjectFaultAsync(await service.StartAsync(DrScenario.RegionRestore, false, default), default);
        var restore = Restore();
        var started = await restore.StartAsync(await restore.FindAsync(record.RunId, null, default), default);
        Assert.True(await RestoredCountAsync(record.RunId) > 0);

        var failedBack = await service.FailBackAsync(record, "verify step crashed", started, default);

        Assert.Equal(0, await RestoredCountAsync(record.RunId));
        Assert.Equal(started.BackupId, failedBack.Restore!.BackupId);
        Assert.Contains("<h2>Restore</h2>", DrillReport.Html(failedBack), StringComparison.Ordinal);
        Assert.True(failedBack.FailBackVerified);
        Assert.Equal("verify step crashed", failedBack.Error);
    }

    [Fact]
    public async Task Find_NoUsableBackup_ThrowsAndRestoresNothing()
    {
        var backup = await BackupAsync("rr_none");
        await new BackupService(Options("rr_none"), new CopyBackupEngine(Sql()), Sql(), new LocalBackupStore(_root), _time).MarkFailedAsync(backup.Id, "verification crashed", default);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Restore().FindAsync("dr-region-restore-20261201-060000", null, default));

        Assert.Contains("no usable (verified) backup", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await RestoredCountAsync("dr-region-restore-20261201-060000"));
    }

    [Theory]
    [InlineData("ch-full-20990101-000000", "has no manifest")]
    [InlineData("../etc", "must match")]
    public async Task Find_BadBackupId_ClearErrorAndNothingChanged(string backupId, string message)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Restore().FindAsync("dr-region-restore-20261201-060000", backupId, default));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private RegionRestoreService Restore() =>
        new(new RegionRestoreOptions(new Uri("https://dqe-dr-backups-replica-111111111111.s3.eu-central-1.amazonaws.com/clickhouse")),
            new CopyBackupEngine(Sql()), Sql(), new LocalBackupStore(_root), _topics, _time);

    private DrillService Drill(IEngineCanary canary, int timeoutSeconds = 1800) =>
        new(new DrillOptions(HeartbeatCount: 1, RecoveryTimeoutSeconds: timeoutSeconds), new InMemoryDrillActions(), canary,
            new HeartbeatTable(Sql()), _time, new RestoredDatabases(Sql()));

    private QueryEngineSqlRunner Sql() => new(fixture.Client());

    private static BackupOptions Options(string database) => new([database, HeartbeatTable.Database], new Uri("https://dqe-prod-backups.s3.eu-west-1.amazonaws.com/clickhouse"));

    /// <summary>The primary's side: data, a heartbeat 3 h before the drill, a verified backup with a saved topic.</summary>
    private async Task<BackupManifest> BackupAsync(string database)
    {
        await fixture.ExecAsync($"DROP DATABASE IF EXISTS {database}");
        await fixture.ExecAsync($"CREATE DATABASE {database}");
        await fixture.ExecAsync($"CREATE TABLE {database}.events (k UInt64, s String) ENGINE = MergeTree ORDER BY k");
        await fixture.ExecAsync($"INSERT INTO {database}.events SELECT number, toString(number) FROM system.numbers LIMIT 500");
        var heartbeats = new HeartbeatTable(Sql());
        await heartbeats.EnsureAsync(default);
        await heartbeats.WriteAsync("dr-primary-heartbeats", 1, _time.GetUtcNow().AddHours(-3), default);
        var service = new BackupService(Options(database), new CopyBackupEngine(Sql()), Sql(), new LocalBackupStore(_root), new FakeTimeProvider(_time.GetUtcNow().AddHours(-2)));
        var plan = await service.PlanAsync(BackupKind.Full, default);
        foreach (var held in plan.Databases)
        {
            // Every test backs up at the same fake time: the copy engine's holding databases of an earlier test share the id.
            await fixture.ExecAsync($"DROP DATABASE IF EXISTS dqe_bk_{plan.Id.Replace('-', '_')}_{held}");
        }

        var manifest = await service.CompleteAsync(await service.StartAsync(plan, default), default);
        var restore = await service.StartVerifyAsync(manifest.Id, default);
        manifest = await service.FinishVerifyAsync(manifest.Id, restore, default);
        Assert.True(manifest.Usable, string.Join("; ", manifest.Verification?.Problems ?? []));
        await new LocalBackupStore(_root).SaveAttachmentAsync(manifest.Id, BackupExtras.TopicsFile,
            System.Text.Json.Nodes.JsonNode.Parse("""{"topics":[{"metadata":{"name":"events"},"spec":{"partitions":12}}]}""")!, default);
        return manifest;
    }

    /// <summary>The workflow's region-restore branch: start, fault, find, restore (polled), verify, extras, canary loop, measure, fail-back.</summary>
    private async Task<DrillRecord> RunAsync(DrillService drill, RegionRestoreService restore)
    {
        var record = await drill.InjectFaultAsync(await drill.StartAsync(DrScenario.RegionRestore, false, default), default);
        var state = await restore.StartAsync(await restore.FindAsync(record.RunId, null, default), default);
        while (state.Running)
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            state = await restore.PollAsync(state, default);
        }

        state = await restore.VerifyAsync(state, default);
        var (paged, _, _) = await restore.CatalogPageAsync(state, 1, default);
        state = await restore.TopicsAsync(paged, default);
        while (!record.Recovered && !record.TimedOut)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            record = await drill.CheckRecoveryAsync(record, default);
        }

        record = await drill.MeasureAsync(record, state, default);
        return await drill.FailBackAsync(record, null, default);
    }

    private async Task<long> RestoredCountAsync(string runId) => (await new RestoredDatabases(Sql()).ListAsync(runId, default)).Count;
}
