using Dqe.Core.Backup;
using Dqe.Core.Engines;
using Dqe.Core.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Backup;

/// <summary>The whole backup + verification path on the real local server, through the copy fallback engine.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class BackupServiceTests(ClickHouseFixture fixture) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("dqe-backup-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task BackupThenVerify_UnchangedData_PassesAndDropsScratch()
    {
        var (service, database) = await ServiceAsync("bk_ok");

        var manifest = await BackupAsync(service);
        await fixture.ExecAsync($"INSERT INTO {database}.events VALUES (99, 'after backup')");
        var verified = await VerifyAsync(service, manifest.Id);

        Assert.Equal(BackupKind.Full, manifest.Kind);
        var events = Assert.Single(manifest.Tables, t => t.Table == "events");
        Assert.Equal(500, events.Rows);
        Assert.NotEqual(0UL, events.Checksum);
        Assert.True(events.Bytes > 0);
        Assert.Equal(2, manifest.Tables.Count);
        Assert.Equal(300, manifest.DurationSeconds);
        Assert.True(verified.Usable, string.Join("; ", verified.Verification!.Problems));
        Assert.All(verified.Verification.Tables, t => Assert.True(t.Matches));
        Assert.Equal(0, await ScratchCountAsync(manifest.Id));
        Assert.True((await new LocalBackupStore(_root).GetManifestAsync(manifest.Id, default))!.Usable);
    }

    [Fact]
    public async Task Verify_BackupContentDiffersFromManifest_FailsUnusableAndDropsScratch()
    {
        var (service, _) = await ServiceAsync("bk_bad");
        var manifest = await BackupAsync(service);
        await fixture.ExecAsync($"INSERT INTO dqe_bk_{manifest.Id.Replace('-', '_')}_bk_bad.events VALUES (7, 'corrupted')");

        var verified = await VerifyAsync(service, manifest.Id);

        Assert.False(verified.Usable);
        var mismatch = Assert.Single(verified.Verification!.Tables, t => !t.Matches);
        Assert.Equal(("events", 500L, 501L), (mismatch.Table, mismatch.ExpectedRows, mismatch.ActualRows));
        Assert.Contains(verified.Verification.Problems, p => p.StartsWith("bk_bad.events: expected 500 rows", StringComparison.Ordinal));
        Assert.Equal(0, await ScratchCountAsync(manifest.Id));
    }

    [Fact]
    public async Task Verify_RestoreLosesTable_FailsNamingTable()
    {
        var (service, _) = await ServiceAsync("bk_lost");
        var manifest = await BackupAsync(service);
        await fixture.ExecAsync($"DROP TABLE dqe_bk_{manifest.Id.Replace('-', '_')}_bk_lost.users");

        var verified = await VerifyAsync(service, manifest.Id);

        Assert.False(verified.Usable);
        Assert.Contains("bk_lost.users: not restored", verified.Verification!.Problems);
    }

    [Fact]
    public async Task MarkFailedAsync_AfterCreatedBackup_RecordsUnusableWithReason()
    {
        var (service, _) = await ServiceAsync("bk_mark");
        var manifest = await BackupAsync(service);

        var marked = await service.MarkFailedAsync(manifest.Id, "verify step crashed", default);

        Assert.False(marked!.Usable);
        Assert.Contains("verify step crashed", marked.Verification!.Problems);
        Assert.Null(await service.MarkFailedAsync("ch-full-none", "x", default));
    }

    [Fact]
    public async Task CompleteAsync_StillRunning_ThrowsAndManifestStaysRunning()
    {
        var (service, _) = await ServiceAsync("bk_run");
        var plan = await service.PlanAsync(BackupKind.Full, default);
        await service.StartAsync(plan, default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => service.CompleteAsync(new BackupProgress(plan.Id, BackupState.Running), default));
        Assert.Equal(BackupState.Running, (await new LocalBackupStore(_root).GetManifestAsync(plan.Id, default))!.State);
    }

    private async Task<(BackupService Service, string Database)> ServiceAsync(string database)
    {
        await fixture.ExecAsync($"DROP DATABASE IF EXISTS {database}");
        await fixture.ExecAsync($"CREATE DATABASE {database}");
        await fixture.ExecAsync($"CREATE TABLE {database}.events (k UInt64, s String) ENGINE = MergeTree ORDER BY k");
        await fixture.ExecAsync($"CREATE TABLE {database}.users (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
        await fixture.ExecAsync($"CREATE VIEW {database}.v AS SELECT k FROM {database}.events");
        await fixture.ExecAsync($"INSERT INTO {database}.events SELECT number, toString(number * 3) FROM system.numbers LIMIT 500");
        await fixture.ExecAsync($"INSERT INTO {database}.users VALUES (1, 'a'), (2, 'b')");
        var sql = new QueryEngineSqlRunner(fixture.Client());
        var options = new BackupOptions([database], new Uri("https://b.s3.amazonaws.com/ch"));
        return (new BackupService(options, new CopyBackupEngine(sql), sql, new LocalBackupStore(_root), _time), database);
    }

    private async Task<BackupManifest> BackupAsync(BackupService service)
    {
        var plan = await service.PlanAsync(null, default);
        var started = await service.StartAsync(plan, default);
        _time.Advance(TimeSpan.FromMinutes(5));
        return await service.CompleteAsync(await service.PollAsync(started.OperationId, default), default);
    }

    private async Task<BackupManifest> VerifyAsync(BackupService service, string id)
    {
        var restore = await service.StartVerifyAsync(id, default);
        return await service.FinishVerifyAsync(id, await service.PollAsync(restore.OperationId, default), default);
    }

    private async Task<long> ScratchCountAsync(string id)
    {
        var rows = await new QueryEngineSqlRunner(fixture.Client()).QueryAsync($"SELECT count() AS n FROM system.databases WHERE startsWith(name, 'dqe_verify_{id.Replace('-', '_')}')", default);
        return rows[0].Int64("n");
    }
}
