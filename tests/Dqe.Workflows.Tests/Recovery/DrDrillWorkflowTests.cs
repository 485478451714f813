using System.Text.Json.Nodes;
using Dqe.Workflows;
using Dqe.Workflows.Local;
using Dqe.Workflows.Local.Fakes;
using Dqe.Workflows.Recovery;
using Dqe.Workflows.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Workflows.Tests.Recovery;

public sealed class DrDrillWorkflowTests
{
    private static readonly Lazy<LocalWorkflow> Workflow = new(() => Assert.Single(AslExtractor.Extract(WorkflowSynth.Synthesize(new DrDrillWorkflow()), WorkflowSynth.Region)));

    [Fact]
    public async Task Run_HappyPath_HeartbeatsFaultChecksMeasuresFailsBackAndReports()
    {
        var handler = new ScriptedDrillHandler();

        var result = await RunAsync(handler, dryRun: false);

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["start", "heartbeat", "heartbeat", "heartbeat", "fault", "check", "check", "measure", "fail-back", "report"], handler.Actions);
        Assert.Equal(2, result.Path.Count(s => s == "WaitHeartbeat"));
        Assert.Contains("WaitRecovery", result.Path);
        Assert.Equal("Passed", result.Path[^1]);
        Assert.True(TransitionBudgets.Within(WorkflowNames.DisasterRecovery, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_ObjectivesMissed_FailsBackReportsAndFails()
    {
        var handler = new ScriptedDrillHandler { Passes = false };

        var result = await RunAsync(handler, dryRun: false);

        Assert.Equal(("FAILED", "Dqe.DrillFailed"), (result.Status, result.Error));
        Assert.Equal(["measure", "fail-back", "report"], handler.Actions.TakeLast(3));
        Assert.True(TransitionBudgets.Within(WorkflowNames.DisasterRecovery, result, out var overrun), overrun);
    }

    [Theory]
    [InlineData("Heartbeat")]
    [InlineData("InjectFault")]
    [InlineData("CheckRecovery")]
    [InlineData("Measure")]
    [InlineData("FailBack")]
    public async Task Run_StepCrashes_FailBackStillRunsWithErrorAndReportSaysWhy(string state)
    {
        var handler = new ScriptedDrillHandler();

        var result = await RunAsync(handler, dryRun: false, failAt: state);

        Assert.Equal(("FAILED", "Dqe.DrillCrashed"), (result.Status, result.Error));
        Assert.Contains($"failure injected into '{state}'", result.Cause, StringComparison.Ordinal);
        Assert.Equal(["FailBackAfterError", "ReportAfterError", "DrillCrashed"], result.Path.TakeLast(3));
        Assert.Contains($"failure injected into '{state}'", handler.LastFailBack!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(TransitionBudgets.Within(WorkflowNames.DisasterRecovery, result, out var overrun), overrun);
    }

    [Theory]
    [InlineData("Start")]
    [InlineData("Report")]
    public async Task Run_StartOrReportCrashes_FailsWithoutFailBackLoop(string state)
    {
        var handler = new ScriptedDrillHandler();

        var result = await RunAsync(handler, dryRun: false, failAt: state);

        Assert.Equal(("FAILED", "Dqe.DrillCrashed"), (result.Status, result.Error));
        // A failed start changed nothing; a failed report comes after the fail-back already ran.
        Assert.Equal(state == "Start" ? 0 : 1, handler.Actions.Count(a => a == "fail-back"));
        Assert.True(TransitionBudgets.Within(WorkflowNames.DisasterRecovery, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_DryRun_EndsInDryRunDone()
    {
        var result = await RunAsync(new ScriptedDrillHandler { Passes = false }, dryRun: true);

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal("DryRunDone", result.Path[^1]);
        Assert.True(TransitionBudgets.Within(WorkflowNames.DisasterRecovery, result, out var overrun), overrun);
    }

    private static Task<WorkflowRunResult> RunAsync(ScriptedDrillHandler handler, bool dryRun, string? failAt = null)
    {
        ITaskRouter router = new TaskRouter(handler, new AwsApiFake(new FakeTimeProvider()));
        router = failAt is null ? router : new FailureInjector(router, failAt);
        return new LocalWorkflowRunner(NodeTooling.Discover()).RunAsync(Workflow.Value,
            new JsonObject { ["scenario"] = "replica-loss", ["dryRun"] = dryRun }, router, new LocalRunOptions(), null, CancellationToken.None);
    }
}
