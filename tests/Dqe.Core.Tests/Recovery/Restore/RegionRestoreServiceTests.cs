using System.Text.Json.Nodes;
using Dqe.Core.Backup;
using Dqe.Core.Recovery.Restore;
using Dqe.Core.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Recovery.Restore;

/// <summary>
/// The native RESTORE path on the faithful <c>system.backups</c> fake (the local 18.16 server has no RESTORE), and
/// the catalog pages from the replica store.
/// </summary>
public sealed class RegionRestoreServiceTests : IDisposable
{
    private const string RunId = "dr-region-restore-20261201-060000";
    private const string Replica = "https://dqe-dr-backups-replica-111111111111.s3.eu-central-1.amazonaws.com/clickhouse";
    private readonly string _root = Directory.CreateTempSubdirectory("dqe-replica-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
    private readonly LocalBackupStore _store;

    public RegionRestoreServiceTests() => _store = new LocalBackupStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task StartAsync_NewestUsableIsIncremental_RestoresFromReplicaWithBaseThereAndPollsUntilRestored()
    {
        await SaveAsync("ch-full-20261129-020000", BackupKind.Full, usable: true);
        await SaveAsync("ch-incr-20261130-020000", BackupKind.Incremental, usable: true, baseId: "ch-full-20261129-020000");
        await SaveAsync("ch-incr-20261201-020000", BackupKind.Incremental, usable: false, baseId: "ch-full-20261129-020000");
        var fake = new FakeSystemBackups { Progression = ["RESTORING", "RESTORING", "RESTORED"], Replicas = 2 };
        var service = Service(fake, "main");

        var state = await service.StartAsync(await service.FindAsync(RunId, null, default), default);
        var polls = 0;
        while (state.Running && polls++ < 10)
        {
            state = await service.PollAsync(state, default);
        }

        Assert.Equal("ch-incr-20261130-020000", state.BackupId);
        Assert.Equal(BackupState.Succeeded, state.Progress!.State);
        Assert.Equal(3, polls);
        Assert.Equal(
            "RESTORE DATABASE `analytics` AS `dqe_restore_dr_region_restore_20261201_060000_analytics` ON CLUSTER `main` "
            + $"FROM S3('{Replica}/ch-incr-20261130-020000') SETTINGS id = '{RunId}', base_backup = S3('{Replica}/ch-full-20261129-020000') ASYNC",
            Assert.Single(fake.Statements, s => s.StartsWith("RESTORE", StringComparison.Ordinal)));
        Assert.Contains(fake.Statements, s => s.Contains($"clusterAllReplicas('main', system.backups) WHERE id = '{RunId}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyAsync_RestoreFailsMidway_RecordsServerErrorAndComparesNothing()
    {
        await SaveAsync("ch-full-20261130-020000", BackupKind.Full, usable: true);
        var fake = new FakeSystemBackups { Progression = ["RESTORING", "RESTORE_FAILED"], Error = "Code: 499. S3 access denied" };
        var service = Service(fake, null);
        var state = await service.StartAsync(await service.FindAsync(RunId, null, default), default);
        while (state.Running)
        {
            state = await service.PollAsync(state, default);
        }

        var verified = await service.VerifyAsync(state, default);

        Assert.False(verified.Verification!.Passed);
        Assert.Equal("restore Failed: RESTORE_FAILED: Code: 499. S3 access denied", Assert.Single(verified.Verification.Problems));
        Assert.DoesNotContain(fake.Statements, s => s.Contains("cityHash64", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PollAsync_StillRestoringPastTheTimeout_GivesUpAsFailed()
    {
        await SaveAsync("ch-full-20261130-020000", BackupKind.Full, usable: true);
        var service = Service(new FakeSystemBackups { Progression = ["RESTORING"] }, null, timeoutSeconds: 600);
        var state = await service.StartAsync(await service.FindAsync(RunId, null, default), default);

        var early = await service.PollAsync(state, default);
        _time.Advance(TimeSpan.FromSeconds(600));
        var late = await service.PollAsync(state, default);

        Assert.True(early.Running);
        Assert.Equal(BackupState.Failed, late.Progress!.State);
        Assert.Contains("given up", late.Progress.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_IncrementalWithoutItsBaseInTheReplica_RefusesBeforeAnyStatement()
    {
        await SaveAsync("ch-incr-20261130-020000", BackupKind.Incremental, usable: true, baseId: "ch-full-20261129-020000");
        var fake = new FakeSystemBackups();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Service(fake, null).FindAsync(RunId, null, default));

        Assert.Contains("base 'ch-full-20261129-020000'", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Statements);
    }

    [Fact]
    public async Task CatalogPageAsync_TwoSavedPages_TableInputsWithoutReadOnlyFieldsAndMoreUntilTheLast()
    {
        await SaveAsync("ch-full-20261130-020000", BackupKind.Full, usable: true);
        var extras = new BackupExtras(_store, null);
        await extras.SaveCatalogPageAsync("ch-full-20261130-020000", 1, [Table("events"), Table("users")], default);
        await extras.SaveCatalogPageAsync("ch-full-20261130-020000", 2, [Table("orders")], default);
        var service = Service(new FakeSystemBackups(), null);
        var state = await service.FindAsync(RunId, null, default);

        var (first, tables, more) = await service.CatalogPageAsync(state, 1, default);
        var (second, last, end) = await service.CatalogPageAsync(first, 2, default);

        Assert.True(more);
        Assert.False(end);
        Assert.Equal(["events", "users"], tables.Select(t => t!["Name"]!.GetValue<string>()));
        var input = tables[0]!.AsObject();
        Assert.Equal("s3://dqe-prod-lake/curated/events/", input["StorageDescriptor"]!["Location"]!.GetValue<string>());
        Assert.Null(input["DatabaseName"]);
        Assert.Null(input["CreateTime"]);
        Assert.Null(input["CatalogId"]);
        Assert.Single(last);
        Assert.Equal((2, 3), (second.CatalogPages, second.CatalogTables));
    }

    [Fact]
    public async Task CatalogPageAsync_NoCatalogSaved_NoTablesAndNoMore()
    {
        await SaveAsync("ch-full-20261130-020000", BackupKind.Full, usable: true);
        var service = Service(new FakeSystemBackups(), null);

        var (state, tables, more) = await service.CatalogPageAsync(await service.FindAsync(RunId, null, default), 1, default);

        Assert.Empty(tables);
        Assert.False(more);
        Assert.Equal(0, state.CatalogTables);
    }

    [Theory]
    [InlineData("ftp://replica/clickhouse", "Source")]
    [InlineData("https://replica.s3.amazonaws.com/x'y", "Source")]
    public void Constructor_BadSource_ThrowsNamingIt(string source, string field)
    {
        var error = Assert.Throws<ArgumentException>(() => new RegionRestoreService(new RegionRestoreOptions(new Uri(source)), new ClickHouseBackupEngine(new FakeSystemBackups(), null),
            new FakeSystemBackups(), _store, null, _time));

        Assert.Equal(field, error.ParamName);
    }

    private RegionRestoreService Service(FakeSystemBackups fake, string? cluster, int timeoutSeconds = 3600) =>
        new(new RegionRestoreOptions(new Uri(Replica), cluster, timeoutSeconds), new ClickHouseBackupEngine(fake, cluster), fake, _store, null, _time);

    private Task SaveAsync(string id, BackupKind kind, bool usable, string? baseId = null)
    {
        var at = DateTimeOffset.ParseExact(id[^15..], "yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        return _store.SaveManifestAsync(new BackupManifest(id, kind, baseId, ["analytics"], "https://dqe-prod-backups.s3.eu-west-1.amazonaws.com/clickhouse/" + id,
            at, at.AddMinutes(5), 300, 1000, [new TableSnapshot("analytics", "events", 10, 42, 100)], BackupState.Succeeded,
            Verification: new VerificationResult(usable, at.AddMinutes(10), [], usable ? [] : ["mismatch"])), default);
    }

    private static JsonObject Table(string name) => new()
    {
        ["Name"] = name,
        ["DatabaseName"] = "dqe_prod_lake",
        ["CatalogId"] = "111111111111",
        ["CreateTime"] = "2026-11-01T00:00:00Z",
        ["TableType"] = "EXTERNAL_TABLE",
        ["StorageDescriptor"] = new JsonObject { ["Location"] = $"s3://dqe-prod-lake/curated/{name}/" },
    };
}
