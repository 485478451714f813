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
    private static readonly Lazy<LocalWorkflow> Workflow = new(() => Assert.Single(AslExtractor.Extract(WorkflowSynth.Synthesize(new BackupWorkflow()), WorkflowSynth.Region)));

    public static TheoryData<string> TaskStates { get; } = new()
    {
        "Plan", "StartBackup", "PollBackup", "CompleteBackup", "CreateSnapshot", "DescribeSnapshot", "StartVerify", "PollVerify", "FinishVerify", "Retention",
    };

    [Fact]
    public async Task Run_HappyPath_PollsBackupSnapshotsVerifiesAndAppliesRetention()
    {
        var handler = new ScriptedBackupHandler();
        var aws = new AwsApiFake(new FakeTimeProvider());

        var result = await RunAsync(new TaskRouter(handler, aws));

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["plan", "start", "poll", "poll", "complete", "verify-start", "poll", "poll", "verify-finish", "retention"], handler.Actions);
        Assert.Contains("WaitBackup", result.Path);
        Assert.Contains("WaitRestore", result.Path);
        var snapshots = aws.Calls.Where(c => c.State == "CreateSnapshot").ToList();
        Assert.Equal(2, snapshots.Count);
        Assert.All(snapshots, s => Assert.Contains("\"Key\":\"dqe:run-id\",\"Value\":\"ch-full-20261122-020000\"", s.Input!.ToJsonString(), StringComparison.Ordinal));
        Assert.DoesNotContain(aws.Calls, c => c.State == "Alert");
        Assert.True(TransitionBudgets.Within(WorkflowNames.Backup, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_VerificationMismatch_MarksUnusableAlertsAndFails()
    {
        var handler = new ScriptedBackupHandler { VerificationPasses = false };
        var aws = new AwsApiFake(new FakeTimeProvider());

        var result = await RunAsync(new TaskRouter(handler, aws));

        Assert.Equal(("FAILED", "Dqe.BackupUnusable"), (result.Status, result.Error));
        Assert.Contains("expected 500 rows", result.Cause, StringComparison.Ordinal);
        Assert.Equal("mark-failed", handler.Actions.Last());
        Assert.DoesNotContain("retention", handler.Actions);
        Assert.Single(aws.Calls, c => c.State == "Alert");
        Assert.True(TransitionBudgets.Within(WorkflowNames.Backup, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_BackupFailsMidway_MarksUnusableWithServerErrorWithoutVerifying()
    {
        var handler = new ScriptedBackupHandler { BackupCreated = false };

        var result = await RunAsync(new TaskRouter(handler, new AwsApiFake(new FakeTimeProvider())));

        Assert.Equal("Dqe.BackupUnusable", result.Error);
        Assert.Contains("disk full", result.Cause, StringComparison.Ordinal);
        Assert.DoesNotContain("verify-start", handler.Actions);
        Assert.Equal("mark-failed", handler.Actions.Last());
        Assert.True(TransitionBudgets.Within(WorkflowNames.Backup, result, out var overrun), overrun);
    }

    [Theory]
    [MemberData(nameof(TaskStates))]
    public async Task Run_FailureInjectedIntoTask_MarksUnusableWhenPlannedAlertsAndFails(string state)
    {
        var handler = new ScriptedBackupHandler();
        var aws = new AwsApiFake(new FakeTimeProvider());

        var result = await RunAsync(new FailureInjector(new TaskRouter(handler, aws), state));

        Assert.Equal(("FAILED", "Dqe.BackupUnusable"), (result.Status, result.Error));
        Assert.Contains($"failure injected into '{state}'", result.Cause, StringComparison.Ordinal);
        Assert.Equal(state != "Plan", handler.Actions.Contains("mark-failed"));
        Assert.Equal(["Alert", "BackupFailed"], result.Path.TakeLast(2));
        Assert.True(TransitionBudgets.Within(WorkflowNames.Backup, result, out var overrun), overrun);
    }

    private static Task<WorkflowRunResult> RunAsync(ITaskRouter router) =>
        new LocalWorkflowRunner(NodeTooling.Discover()).RunAsync(Workflow.Value,
            new JsonObject { ["kind"] = "auto", ["volumeIds"] = new JsonArray("vol-01", "vol-02") }, router, new LocalRunOptions(), null, CancellationToken.None);
}
