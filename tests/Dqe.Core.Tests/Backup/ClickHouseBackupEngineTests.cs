using Dqe.Core.Backup;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Backup;

public class ClickHouseBackupEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task StartBackupAsync_Incremental_IssuesAsyncBackupWithBaseAndCluster()
    {
        var fake = new FakeSystemBackups();
        var engine = new ClickHouseBackupEngine(fake, "main");
        var plan = new BackupPlan("ch-incr-20261125-020000", BackupKind.Incremental, "ch-full-20261122-020000", ["analytics", "logs"], Now);

        var progress = await engine.StartBackupAsync(plan, "https://b.s3.amazonaws.com/ch/ch-incr-20261125-020000", "https://b.s3.amazonaws.com/ch/ch-full-20261122-020000", default);

        Assert.Equal(BackupState.Running, progress.State);
        Assert.Equal(
            "BACKUP DATABASE `analytics`, DATABASE `logs` ON CLUSTER `main` TO S3('https://b.s3.amazonaws.com/ch/ch-incr-20261125-020000') "
            + "SETTINGS id = 'ch-incr-20261125-020000', base_backup = S3('https://b.s3.amazonaws.com/ch/ch-full-20261122-020000') ASYNC",
            Assert.Single(fake.Statements));
    }

    [Fact]
    public async Task GetProgressAsync_PolledUntilCreated_ProgressesThroughStatesAndSumsReplicas()
    {
        var fake = new FakeSystemBackups { Replicas = 2 };
        var engine = new ClickHouseBackupEngine(fake, "main");
        var plan = new BackupPlan("ch-full-1", BackupKind.Full, null, ["analytics"], Now);
        await engine.StartBackupAsync(plan, "https://b.s3.amazonaws.com/ch/ch-full-1", null, default);

        var states = new List<BackupState>();
        BackupProgress progress;
        do
        {
            progress = await engine.GetProgressAsync("ch-full-1", default);
            states.Add(progress.State);
        }
        while (progress.State == BackupState.Running && states.Count < 10);

        Assert.Equal([BackupState.Running, BackupState.Running, BackupState.Succeeded], states);
        Assert.Equal((2000L, 20L), (progress.TotalBytes, progress.Files));
        Assert.Contains("clusterAllReplicas('main', system.backups) WHERE id = 'ch-full-1'", fake.Statements[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BACKUP_FAILED")]
    [InlineData("BACKUP_CANCELLED")]
    public async Task GetProgressAsync_BackupFailsMidway_ReportsFailedWithServerError(string terminal)
    {
        var fake = new FakeSystemBackups { Progression = ["CREATING_BACKUP", terminal], Error = "Code: 499. S3 access denied" };
        var engine = new ClickHouseBackupEngine(fake, null);
        await engine.StartBackupAsync(new BackupPlan("ch-full-2", BackupKind.Full, null, ["a"], Now), "https://b.s3.amazonaws.com/x/ch-full-2", null, default);

        var first = await engine.GetProgressAsync("ch-full-2", default);
        var second = await engine.GetProgressAsync("ch-full-2", default);

        Assert.Equal(BackupState.Running, first.State);
        Assert.Equal(BackupState.Failed, second.State);
        Assert.StartsWith(terminal, second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProgressAsync_UnknownOperation_FailsInsteadOfPollingForever()
    {
        var progress = await new ClickHouseBackupEngine(new FakeSystemBackups(), null).GetProgressAsync("ch-full-lost", default);

        Assert.Equal(BackupState.Failed, progress.State);
        Assert.Contains("not found", progress.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRestoreAsync_RestoresEachDatabaseAsScratch()
    {
        var fake = new FakeSystemBackups { Progression = ["RESTORING", "RESTORED"] };
        var engine = new ClickHouseBackupEngine(fake, null);
        var manifest = new BackupManifest("ch-full-3", BackupKind.Full, null, ["a"], "https://b.s3.amazonaws.com/x/ch-full-3", Now, Now, 1, 1, [], BackupState.Succeeded);

        var started = await engine.StartRestoreAsync(manifest, new RestoreTarget("ch-full-3-verify", manifest.Location, new Dictionary<string, string> { ["a"] = "dqe_verify_ch_full_3_a" }), default);
        await engine.GetProgressAsync(started.OperationId, default);
        var done = await engine.GetProgressAsync(started.OperationId, default);

        Assert.Equal("RESTORE DATABASE `a` AS `dqe_verify_ch_full_3_a` FROM S3('https://b.s3.amazonaws.com/x/ch-full-3') SETTINGS id = 'ch-full-3-verify' ASYNC", fake.Statements[0]);
        Assert.Equal(BackupState.Succeeded, done.State);
    }

    [Theory]
    [InlineData("x'; DROP TABLE t --")]
    [InlineData("UPPER")]
    [InlineData("")]
    public async Task GetProgressAsync_BadOperationId_ThrowsAndRunsNothing(string id)
    {
        var fake = new FakeSystemBackups();

        await Assert.ThrowsAsync<ArgumentException>(() => new ClickHouseBackupEngine(fake, null).GetProgressAsync(id, default));
        Assert.Empty(fake.Statements);
    }
}
