using System.Text.Json.Nodes;
using Dqe.Workflows.Chaos;
using Dqe.Workflows.Local;
using Dqe.Workflows.Local.Fakes;
using Dqe.Workflows.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Workflows.Tests.Chaos;

public sealed class ChaosSweepWorkflowTests
{
    private static readonly Lazy<LocalWorkflow> Workflow = new(() => Assert.Single(AslExtractor.Extract(WorkflowSynth.Synthesize(new ChaosSweepWorkflow()), WorkflowSynth.Region)));

    [Fact]
    public async Task Run_HappyPath_SweepsOnceAndSucceeds()
    {
        var sweeper = new SweepRouter();

        var result = await RunAsync(sweeper);

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["Sweep", "Swept"], result.Path);
        Assert.Equal(1, sweeper.Calls);
        Assert.Equal("trino/podchaos/run-1", result.Output!["deleted"]![0]!.GetValue<string>());
        Assert.True(TransitionBudgets.Within(WorkflowNames.ChaosSweep, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_FailureInjectedIntoSweep_FailsTheExecutionWithTheCause()
    {
        var result = await RunAsync(new FailureInjector(new SweepRouter(), "Sweep"));

        Assert.Equal(("FAILED", FailureInjector.InjectedError), (result.Status, result.Error));
        Assert.Contains("failure injected into 'Sweep'", result.Cause, StringComparison.Ordinal);
        Assert.True(TransitionBudgets.Within(WorkflowNames.ChaosSweep, result, out var overrun), overrun);
    }

    private static Task<WorkflowRunResult> RunAsync(ITaskRouter handlers) =>
        new LocalWorkflowRunner(NodeTooling.Discover()).RunAsync(Workflow.Value, new JsonObject(),
            new TaskRouter(handlers, new AwsApiFake(new FakeTimeProvider())), new LocalRunOptions(), null, CancellationToken.None);

    /// <summary>Answers dqe.chaos.sweep with the response shape of the real handler (ChaosSweepResponse).</summary>
    private sealed class SweepRouter : ITaskRouter
    {
        private int _calls;

        public int Calls => _calls;

        public Task<TaskOutcome> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(call.Target.Handler == ChaosSweepWorkflow.Sweep
                ? TaskOutcome.Success(JsonNode.Parse("""{"deleted":["trino/podchaos/run-1"],"uncordoned":[],"remaining":[]}"""))
                : TaskOutcome.Failure("Dqe.UnknownHandler", $"no scripted handler {call.Target.Handler}"));
        }
    }
}
