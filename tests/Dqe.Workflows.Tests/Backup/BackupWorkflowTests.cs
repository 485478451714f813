using System.Text.Json.Nodes;
using Dqe.Workflows;
using Dqe.Workflows.Backup;
using Dqe.Workflows.Local;
using Dqe.Workflows.Local.Fakes;
using Dqe.Workflows.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Workflows.Tests.Backup;

public sealed class BackupWorkflowTests
{
    private const string Database = "dqe_test_lake";
    private static readonly Lazy<LocalWorkflow> Workflow = new(() => Assert.Single(AslExtractor.Extract(WorkflowSynth.Synthesize(new BackupWorkflow()), WorkflowSynth.Region)));

    /// <summary>Task states up to and including verification (and retention): a failure there makes the backup unusable.</summary>
    public static TheoryData<string> BackupStates { get; } = new()
    {
        "Plan", "StartBackup", "PollBackup", "CompleteBackup", "DescribeVolumes", "CreateSnapshot", "DescribeSnapshot", "StartVerify", "PollVerify", "FinishVerify", "Retention",
    };

    /// <summary>Task states after a verified backup: a failure there leaves it usable and fails the run as incomplete.</summary>
    public static TheoryData<string> ExtraStates { get; } = new()
    {
        "GetTables", "GetMoreTables", "SaveCatalog", "ExportTopics", "FindExpiredSnapshots", "DeleteSnapshot",
    };

    [Fact]
    public async Task Run_HappyPath_PollsBackupSnapshotsVerifiesExportsAndAppliesRetention()
    {
        var handler = new ScriptedBackupHandler();
        var aws = Aws();

        var result = await RunAsync(new TaskRouter(handler, aws));

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["plan", "start", "poll", "poll", "complete", "verify-start", "poll", "poll", "verify-finish", "save-catalog", "save-catalog", "export-topics", "retention"], handler.Actions);
        Assert.Contains("WaitBackup", result.Path);
        Assert.Contains("WaitRestore", result.Path);
        var snapshots = aws.Calls.Where(c => c.State == "CreateSnapshot").ToList();
        Assert.Equal(["vol-01", "vol-02"], snapshots.Select(s => s.Input!["VolumeId"]!.GetValue<string>()).Order());
        Assert.All(snapshots, s => Assert.Contains("\"Key\":\"dqe:run-id\",\"Value\":\"ch-full-20261122-020000\"", s.Input!.ToJsonString(), StringComparison.Ordinal));
        Assert.DoesNotContain(aws.Calls, c => c.State is "Alert" or "AlertIncomplete");
        Assert.True(TransitionBudgets.Within(WorkflowNames.Backup, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_VolumeFilter_SnapshotsOnlyTheTaggedVolumes()
    {
        var aws = Aws();
        aws.SeedVolume("vol-03", ("kubernetes.io/created-for/pvc/namespace", "kafka"));
        var input = new JsonObject
        {
            ["kind"] = "auto",
            ["volumeFilter"] = new JsonObject { ["name"] = "tag:kubernetes.io/created-for/pvc/namespace", ["values"] = new JsonArray("clickhouse") },
        };

        var result = await RunAsync(new TaskRouter(new ScriptedBackupHandler(), aws), input);

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Contains("FindVolumes", result.Path);
        Assert.Equal(["vol-01", "vol-02"], aws.Calls.Where(c => c.State == "CreateSnapshot").Select(s => s.Input!["VolumeId"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Run_NoVolumes_SkipsSnapshotsAndStillVerifies()
    {
        var handler = new ScriptedBackupHandler();
        var aws = Aws();

        var result = await RunAsync(new TaskRouter(handler, aws), new JsonObject { ["kind"] = "full", ["volumeIds"] = new JsonArray() });

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Contains("NoVolumes", result.Path);
        Assert.DoesNotContain(aws.Calls, c => c.State == "CreateSnapshot");
        Assert.Contains("verify-finish", handler.Actions);
    }

    [Fact]
    public async Task Run_CatalogOfTwoPages_SavesEachPageWithItsNumber()
    {
        var handler = new ScriptedBackupHandler();

        var result = await RunAsync(new TaskRouter(handler, Aws()));

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        var pages = handler.Inputs.Where(i => i["action"]!.GetValue<string>() == "save-catalog").ToList();
        Assert.Equal([1, 2], pages.Select(p => p["page"]!.GetValue<int>()));
        Assert.Equal([BackupAwsSteps.CatalogPageSize, 5], pages.Select(p => p["tables"]!.AsArray().Count));
        Assert.Equal("t00", pages[0]["tables"]![0]!["Name"]!.GetValue<string>());
        Assert.Equal("t25", pages[1]["tables"]![0]!["Name"]!.GetValue<string>());
        Assert.All(pages, p => Assert.Equal("ch-full-20261122-020000", p["backupId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Run_RetentionExpiredBackups_DeletesOnlyTheirTaggedSnapshots()
    {
        var aws = Aws();
        aws.SeedSnapshot("snap-old-1", ("dqe:run-id", "ch-full-20261001-020000"), ("dqe:purpose", "backup"));
        aws.SeedSnapshot("snap-old-2", ("dqe:run-id", "ch-full-20261001-020000"), ("dqe:purpose", "backup"));
        aws.SeedSnapshot("snap-kept", ("dqe:run-id", "ch-full-20261115-020000"), ("dqe:purpose", "backup"));
        aws.SeedSnapshot("snap-foreign", ("dqe:run-id", "ch-full-20261001-020000"));
        var handler = new ScriptedBackupHandler { Expired = ["ch-full-20261001-020000", "ch-incr-20261002-020000"] };

        var result = await RunAsync(new TaskRouter(handler, aws));

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["snap-old-1", "snap-old-2"], aws.Calls.Where(c => c.State == "DeleteSnapshot").Select(c => c.Input!["SnapshotId"]!.GetValue<string>()).Order());
        Assert.Contains("snap-kept", aws.SnapshotIds);
        Assert.Contains("snap-foreign", aws.SnapshotIds);
        Assert.Equal(2, aws.Calls.Count(c => c.State == "FindExpiredSnapshots"));
        // The two new snapshots of this backup stay.
        Assert.Equal(2, aws.Snapshots.Count(s => s["Tags"]!.ToJsonString().Contains("ch-full-20261122-020000", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_VerificationMismatch_MarksUnusableAlertsAndFails()
    {
        var handler = new ScriptedBackupHandler { VerificationPasses = false };
        var aws = Aws();

        var result = await RunAsync(new TaskRouter(handler, aws));

        Assert.Equal(("FAILED", "Dqe.BackupUnusable"), (result.Status, result.Error));
        Assert.Contains("expected 500 rows", result.Cause, StringComparison.Ordinal);
        Assert.Equal("mark-failed", handler.Actions.Last());
        Assert.DoesNotContain("retention", handler.Actions);
        Assert.DoesNotContain("save-catalog", handler.Actions);
        Assert.Single(aws.Calls, c => c.State == "Alert");
        Assert.True(TransitionBudgets.Within(WorkflowNames.Backup, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_BackupFailsMidway_MarksUnusableWithServerErrorWithoutVerifying()
    {
        var handler = new ScriptedBackupHandler { BackupCreated = false };

        var result = await RunAsync(new TaskRouter(handler, Aws()));

        Assert.Equal("Dqe.BackupUnusable", result.Error);
        Assert.Contains("disk full", result.Cause, StringComparison.Ordinal);
        Assert.DoesNotContain("verify-start", handler.Actions);
        Assert.Equal("mark-failed", handler.Actions.Last());
        Assert.True(TransitionBudgets.Within(WorkflowNames.Backup, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_UnknownVolumeId_MarksUnusableBeforeAnySnapshot()
    {
        var handler = new ScriptedBackupHandler();
        var aws = Aws();

        var result = await RunAsync(new TaskRouter(handler, aws), new JsonObject { ["kind"] = "auto", ["volumeIds"] = new JsonArray("vol-01", "vol-gone") });

        Assert.Equal("Dqe.BackupUnusable", result.Error);
        Assert.Contains("vol-gone", result.Cause, StringComparison.Ordinal);
        Assert.DoesNotContain(aws.Calls, c => c.State == "CreateSnapshot");
        Assert.Equal("mark-failed", handler.Actions.Last());
    }

    [Theory]
    [MemberData(nameof(BackupStates))]
    public async Task Run_FailureInjectedIntoBackupTask_MarksUnusableWhenPlannedAlertsAndFails(string state)
    {
        var handler = new ScriptedBackupHandler();

        var result = await RunAsync(new FailureInjector(new TaskRouter(handler, Aws()), state));

        Assert.Equal(("FAILED", "Dqe.BackupUnusable"), (result.Status, result.Error));
        Assert.Contains($"failure injected into '{state}'", result.Cause, StringComparison.Ordinal);
        Assert.Equal(state != "Plan", handler.Actions.Contains("mark-failed"));
        Assert.Equal(["Alert", "BackupFailed"], result.Path.TakeLast(2));
        Assert.True(TransitionBudgets.Within(WorkflowNames.Backup, result, out var overrun), overrun);
    }

    [Theory]
    [MemberData(nameof(ExtraStates))]
    public async Task Run_FailureInjectedAfterVerification_KeepsBackupUsableAlertsIncompleteAndFails(string state)
    {
        var handler = new ScriptedBackupHandler { Expired = ["ch-full-20261001-020000"] };
        var aws = Aws();
        aws.SeedSnapshot("snap-old-1", ("dqe:run-id", "ch-full-20261001-020000"), ("dqe:purpose", "backup"));

        var result = await RunAsync(new FailureInjector(new TaskRouter(handler, aws), state));

        Assert.Equal(("FAILED", "Dqe.BackupIncomplete"), (result.Status, result.Error));
        Assert.Contains($"failure injected into '{state}'", result.Cause, StringComparison.Ordinal);
        Assert.DoesNotContain("mark-failed", handler.Actions);
        Assert.Equal(["AlertIncomplete", "BackupIncomplete"], result.Path.TakeLast(2));
        Assert.DoesNotContain(aws.Calls, c => c.State == "Alert");
    }

    /// <summary>Two ClickHouse volumes (EBS CSI tags) and a lake catalog of 30 tables: two pages.</summary>
    private static AwsApiFake Aws()
    {
        var aws = new AwsApiFake(new FakeTimeProvider());
        aws.SeedVolume("vol-01", ("kubernetes.io/created-for/pvc/namespace", "clickhouse"));
        aws.SeedVolume("vol-02", ("kubernetes.io/created-for/pvc/namespace", "clickhouse"));
        aws.SeedTables(Database, [.. Enumerable.Range(0, 30).Select(i => $"t{i:D2}")]);
        return aws;
    }

    private static Task<WorkflowRunResult> RunAsync(ITaskRouter router, JsonObject? input = null) =>
        new LocalWorkflowRunner(NodeTooling.Discover()).RunAsync(Workflow.Value,
            input ?? new JsonObject { ["kind"] = "auto", ["volumeIds"] = new JsonArray("vol-01", "vol-02") }, router, new LocalRunOptions(), null, CancellationToken.None);
}
