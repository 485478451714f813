using System.Text.Json.Nodes;
using Dqe.Workflows.Local;
using Dqe.Workflows.Local.Fakes;
using Dqe.Workflows.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Workflows.Tests.Local;

public sealed class LocalWorkflowRunnerTests
{
    private const int TransitionBudget = 16;

    [Fact]
    public async Task Run_HappyPath_SucceedsThroughPollLoopMapAndIntegrations()
    {
        var handlers = new ScriptedHandlers();
        var aws = new AwsApiFake(new FakeTimeProvider());
        var events = new List<WorkflowEvent>();

        var result = await Run(new TaskRouter(handlers, aws), events.Add);

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["Prepare", "Poll", "Ready?", "WaitForReady", "Poll", "Ready?", "EachItem"], result.Path.Take(7));
        Assert.Equal(new JsonArray(2, 4, 6).ToJsonString(), result.Output!["results"]!.ToJsonString());
        Assert.Equal(3, handlers.Invoked.Count(h => h == "test.item"));
        Assert.DoesNotContain("test.rollback", handlers.Invoked);
        Assert.Equal("vol-0abc", Assert.Single(aws.Calls, c => c.State == "Snapshot").Input!["VolumeId"]!.GetValue<string>());
        Assert.Single(aws.Calls, c => c.State == "Notify");
        Assert.Equal(result.Events.Count, events.Count);
        Assert.InRange(result.Transitions, 1, TransitionBudget);
    }

    [Theory]
    [InlineData("Prepare")]
    [InlineData("Poll")]
    [InlineData("Item")]
    [InlineData("Snapshot")]
    [InlineData("Notify")]
    public async Task Run_FailureInjectedIntoTask_RollsBackAndFailsWithTheCause(string state)
    {
        var handlers = new ScriptedHandlers();
        var router = new FailureInjector(new TaskRouter(handlers, new AwsApiFake(new FakeTimeProvider())), state);

        var result = await Run(router, null);

        Assert.Equal("FAILED", result.Status);
        Assert.Equal("Dqe.WorkflowFailed", result.Error);
        Assert.Contains($"failure injected into '{state}'", result.Cause, StringComparison.Ordinal);
        Assert.Equal(["Rollback", "Failed"], result.Path.TakeLast(2));
        Assert.Single(handlers.Invoked, h => h == "test.rollback");
    }

    [Fact]
    public async Task Run_FailureInRollbackItself_StillEndsTheExecution()
    {
        var router = new FailureInjector(new FailureInjector(new TaskRouter(new ScriptedHandlers(), new AwsApiFake(new FakeTimeProvider())), "Rollback"), "Poll");

        var result = await Run(router, null);

        Assert.Equal("FAILED", result.Status);
        Assert.Equal(FailureInjector.InjectedError, result.Error);
        Assert.Equal("Rollback", result.Path[^1]);
    }

    [Fact]
    public async Task Run_TransientErrorOnce_IsRetriedAndSucceeds()
    {
        var flaky = new FlakyRouter(new TaskRouter(new ScriptedHandlers(), new AwsApiFake(new FakeTimeProvider())), "Prepare", "Dqe.TransientError");

        var result = await Run(flaky, null);

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Contains(result.Events, e => e.Type == "StateRetried" && e.State == "Prepare");
    }

    private static Task<WorkflowRunResult> Run(ITaskRouter router, Action<WorkflowEvent>? onEvent) =>
        new LocalWorkflowRunner(NodeTooling.Discover()).RunAsync(WorkflowSynth.ProbeWorkflow, new JsonObject(), router, new LocalRunOptions(), onEvent, CancellationToken.None);

    /// <summary>Fails the first call of one state with a given error, then passes through.</summary>
    private sealed class FlakyRouter(ITaskRouter inner, string state, string error) : ITaskRouter
    {
        private int _failed;

        public Task<TaskOutcome> InvokeAsync(TaskCall call, CancellationToken cancellationToken) =>
            call.State == state && Interlocked.Exchange(ref _failed, 1) == 0
                ? Task.FromResult(TaskOutcome.Failure(error, "connection reset"))
                : inner.InvokeAsync(call, cancellationToken);
    }
}
