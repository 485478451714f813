using System.Text.Json.Nodes;
using Dqe.Workflows;
using Dqe.Workflows.Local;
using Dqe.Workflows.Local.Fakes;
using Dqe.Workflows.Recovery;
using Dqe.Workflows.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Workflows.Tests.Recovery;

/// <summary>The region-restore branch of the synthesized DR drill machine and the extras-only machine, on the local runner.</summary>
public sealed class RegionRestoreWorkflowTests
{
    private const string Lake = "dqe_test_lake";
    private static readonly Lazy<LocalWorkflow> Drill = new(() => Assert.Single(AslExtractor.Extract(WorkflowSynth.Synthesize(new DrDrillWorkflow()), WorkflowSynth.Region)));
    private static readonly Lazy<LocalWorkflow> Extras = new(() => Assert.Single(AslExtractor.Extract(WorkflowSynth.Synthesize(new RestoreExtrasWorkflow()), WorkflowSynth.Region)));

    [Fact]
    public async Task Drill_RegionRestore_RestoresPollsVerifiesRecreatesTablesAppliesTopicsThenMeasuresWithTheRestore()
    {
        var drill = new ScriptedDrillHandler();
        var restore = new ScriptedRegionRestore(drill);
        var aws = Aws();

        var result = await RunDrillAsync(restore, aws, "region-restore");

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["find", "start", "poll", "poll", "verify", "catalog-page", "catalog-page", "topics"], restore.Actions);
        Assert.Equal(["start", "fault", "check", "check", "measure", "fail-back", "report"], drill.Actions);
        Assert.DoesNotContain("Heartbeat", result.Path);
        Assert.Contains("WaitRestore", result.Path);
        Assert.Contains("MeasureRestore", result.Path);
        Assert.Contains("UpdateTable", result.Path);
        var tables = aws.Tables(Lake);
        Assert.Equal(["events", "orders", "users"], tables.Select(t => t["Name"]!.GetValue<string>()).Order());
        Assert.Equal("s3://dqe-prod-lake/curated/users/", tables.Single(t => t["Name"]!.GetValue<string>() == "users")["StorageDescriptor"]!["Location"]!.GetValue<string>());
        Assert.True(TransitionBudgets.Within(WorkflowNames.DisasterRecovery, result, out var overrun), overrun);
    }

    [Theory]
    [InlineData("DeclarePrimaryLost", false)]
    [InlineData("FindBackup", false)]
    [InlineData("StartRestore", true)]
    [InlineData("PollRestore", true)]
    [InlineData("VerifyRestore", true)]
    [InlineData("LoadCatalogPage", true)]
    [InlineData("CreateTable", true)]
    [InlineData("RestoreTopics", true)]
    [InlineData("MeasureRestore", true)]
    public async Task Drill_RegionRestoreStepCrashes_FailBackAndReportStillRun(string state, bool restoreReached)
    {
        var drill = new ScriptedDrillHandler();
        var aws = Aws();

        var result = await RunDrillAsync(new ScriptedRegionRestore(drill), aws, "region-restore", failAt: state);

        Assert.Equal(("FAILED", "Dqe.DrillCrashed"), (result.Status, result.Error));
        Assert.Equal([restoreReached ? "FailBackAfterRestoreError" : "FailBackAfterError", "ReportAfterError", "DrillCrashed"], result.Path.TakeLast(3));
        Assert.Contains($"failure injected into '{state}'", drill.LastFailBack!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        // The report gets the restore's state (backup id and how far it came) once find succeeded.
        Assert.Equal(restoreReached, drill.LastFailBack["restore"]?["backupId"] is not null);
        Assert.Contains(aws.Tables(Lake), t => t["Name"]!.GetValue<string>() == "users");
        Assert.True(TransitionBudgets.Within(WorkflowNames.DisasterRecovery, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Drill_RegionRestoreDryRun_TouchesNoRestoreStep()
    {
        var restore = new ScriptedRegionRestore(new ScriptedDrillHandler());

        var result = await RunDrillAsync(restore, Aws(), "region-restore", dryRun: true);

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal("DryRunDone", result.Path[^1]);
        Assert.Empty(restore.Actions);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Extras_NamedOrNewestBackup_RecreatesTablesAndTopics(bool named)
    {
        var restore = new ScriptedRegionRestore(new ScriptedDrillHandler()) { Pages = 1 };
        var aws = Aws();
        var input = named ? new JsonObject { ["backupId"] = "ch-full-20261122-020000" } : new JsonObject();

        var result = await new LocalWorkflowRunner(NodeTooling.Discover()).RunAsync(Extras.Value, input, new TaskRouter(restore, aws), new LocalRunOptions(), null, CancellationToken.None);

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Contains(named ? "FindNamedBackup" : "FindNewestBackup", result.Path);
        Assert.Equal(["find", "catalog-page", "topics"], restore.Actions);
        Assert.Equal(["events", "users"], aws.Tables(Lake).Select(t => t["Name"]!.GetValue<string>()).Order());
        Assert.True(TransitionBudgets.Within(WorkflowNames.RestoreExtras, result, out var overrun), overrun);
    }

    [Theory]
    [InlineData("FindNewestBackup")]
    [InlineData("LoadCatalogPage")]
    [InlineData("CreateTable")]
    [InlineData("UpdateTable")]
    [InlineData("RestoreTopics")]
    public async Task Extras_StepFails_FailsWithCauseAndDeletesNoTable(string state)
    {
        var aws = Aws();
        var router = new FailureInjector(new TaskRouter(new ScriptedRegionRestore(new ScriptedDrillHandler()) { Pages = 1 }, aws), state);

        var result = await new LocalWorkflowRunner(NodeTooling.Discover()).RunAsync(Extras.Value, new JsonObject(), router, new LocalRunOptions(), null, CancellationToken.None);

        Assert.Equal(("FAILED", "Dqe.RestoreExtrasFailed"), (result.Status, result.Error));
        Assert.Contains($"failure injected into '{state}'", result.Cause, StringComparison.Ordinal);
        Assert.Contains(aws.Tables(Lake), t => t["Name"]!.GetValue<string>() == "users");
        Assert.DoesNotContain(aws.Calls, c => c.Target.SdkAction == "deleteTable");
        Assert.True(TransitionBudgets.Within(WorkflowNames.RestoreExtras, result, out var overrun), overrun);
    }

    /// <summary>The dr environment's lake database already holds "users" (an older definition).</summary>
    private static AwsApiFake Aws()
    {
        var aws = new AwsApiFake(new FakeTimeProvider());
        aws.SeedTables(Lake, "users");
        return aws;
    }

    private static Task<WorkflowRunResult> RunDrillAsync(ITaskRouter handlers, AwsApiFake aws, string scenario, bool dryRun = false, string? failAt = null)
    {
        ITaskRouter router = new TaskRouter(handlers, aws);
        router = failAt is null ? router : new FailureInjector(router, failAt);
        return new LocalWorkflowRunner(NodeTooling.Discover()).RunAsync(Drill.Value,
            new JsonObject { ["scenario"] = scenario, ["dryRun"] = dryRun }, router, new LocalRunOptions(), null, CancellationToken.None);
    }
}
