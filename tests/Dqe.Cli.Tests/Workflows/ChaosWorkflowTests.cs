using System.Text.Json.Nodes;
using Dqe.Cli.Tests.TestHelpers;
using Dqe.Cli.Workflows;
using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Hosting;
using Dqe.TestServers.Kubernetes;
using Dqe.Workflows.Chaos;
using Dqe.Workflows.Local;

namespace Dqe.Cli.Tests.Workflows;

/// <summary>The synthesized chaos state machine, run locally with the real handlers against a fake Kubernetes API.</summary>
public sealed class ChaosWorkflowTests : IAsyncLifetime
{
    private static readonly Lazy<LocalWorkflow> Machine = new(() => LocalWorkflows.Synthesize(new ChaosWorkflow()));
    private const string Campaign = """
        apiVersion: dqe.io/v1alpha1
        kind: ChaosCampaign
        name: drill
        target: {namespace: trino, selector: {component: worker}}
        duration: 5m
        blastRadius: {maxPods: 2, maxNodes: 1, maxPercent: 50}
        steadyState:
          probes: [{name: up, type: trino}]
        faults:
          - {name: kill, type: pod-kill}
          - {name: slow, type: network-delay, latency: 100ms}
          - {name: drain, type: node-drain}
        abort: {pollInterval: 30s, when: [{probe: up}]}
        """;

    private readonly SteppingTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(20));
    private FakeKubernetesApi _api = null!;

    public static TheoryData<string> FailingStates() => ["Validate", "Inject", "Observe", "Recover", "Report"];

    public async Task InitializeAsync()
    {
        _api = await FakeKubernetesApi.StartAsync();
        _api.Behaviour.Now = _time.GetUtcNow;
        foreach (var (node, i) in new[] { "node-a", "node-b" }.Select((n, i) => (n, i)))
        {
            _api.Seed("api/v1/nodes", new JsonObject { ["metadata"] = new JsonObject { ["name"] = node }, ["spec"] = new JsonObject() });
            foreach (var w in new[] { 0, 1 })
            {
                _api.Seed("api/v1/namespaces/trino/pods", new JsonObject
                {
                    ["metadata"] = new JsonObject { ["name"] = $"worker-{i}{w}", ["labels"] = new JsonObject { ["component"] = "worker" } },
                    ["spec"] = new JsonObject { ["nodeName"] = node },
                });
            }
        }
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Run_HappyPath_InjectsObservesRecoversAndLeavesNothing()
    {
        var result = await RunAsync(Router());

        Assert.True(result.Succeeded, result.Cause);
        Assert.Contains("WaitBetweenPolls", result.Path);
        Assert.Equal(["Validate", "Inject", "Observe"], result.Path.Take(3));
        Assert.Equal("completed", result.Output?["outcome"]?.GetValue<string>());
        Assert.Equal(100, result.Output?["score"]?.GetValue<int>());
        Assert.Contains(_api.Requests, r => r.StartsWith("POST /apis/chaos-mesh.org/v1alpha1/namespaces/trino/networkchaos", StringComparison.Ordinal));
        AssertNothingLeft();
    }

    [Theory]
    [MemberData(nameof(FailingStates))]
    public async Task Run_FailureInjectedIntoTask_RollsBackReportsFailsWithNothingLeft(string state)
    {
        var result = await RunAsync(new FailureInjector(Router(), state));

        Assert.False(result.Succeeded);
        // Report fails after a clean recovery; every other failure goes through the rollback loop.
        Assert.Contains(state == "Report" ? "Recover" : "Rollback", result.Path);
        Assert.Equal("CampaignFailed", result.Path[^1]);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Run_ObjectFailsToInject_AbortsAndRollsBack()
    {
        _api.Behaviour.OnCreated = obj => obj["status"] = JsonNode.Parse("""
            {"experiment": {"containerRecords": [{"id": "trino/worker-00", "events": [{"type": "Failed", "operation": "Apply", "message": "tc: no such device"}]}]}}
            """);

        var result = await RunAsync(Router());

        Assert.False(result.Succeeded);
        Assert.Contains("Rollback", result.Path);
        Assert.Contains(result.Events, e => e.Cause?.Contains("no such device", StringComparison.Ordinal) == true);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Run_RollbackCrashesAfterInject_SweeperRemovesLeftoversAfterExpiry()
    {
        var result = await RunAsync(new FailureInjector(new FailureInjector(Router(), "Rollback"), "Observe"));

        Assert.Equal("RollbackIncomplete", result.Path[^1]);
        Assert.NotEmpty(_api.All("chaos-mesh.org", "networkchaos"));

        _time.Advance(TimeSpan.FromHours(1));
        var sweep = await Invoker().InvokeAsync("dqe.chaos.sweep", "{}"u8.ToArray(), TimeSpan.FromHours(1), CancellationToken.None);

        Assert.Null(sweep!.Error);
        AssertNothingLeft();
    }

    private void AssertNothingLeft()
    {
        Assert.Empty(new[] { "podchaos", "networkchaos", "stresschaos" }.SelectMany(p => _api.All("chaos-mesh.org", p)));
        Assert.DoesNotContain(_api.All("", "nodes"), n => n["spec"]?["unschedulable"]?.GetValue<bool>() == true);
        Assert.DoesNotContain(_api.All("", "nodes"), n => n["metadata"]?["labels"]?["dqe.io/run-id"] is not null);
    }

    private LocalInvoker Invoker() =>
        new(new HostServices(_time, new ProcessEnvironment(), new FakeApiKubernetesFactory(_api.BaseUri), new NoSecrets()), TextWriter.Null, new HostingOptions());

    private HandlerTaskRouter Router() => new(Invoker(), TimeSpan.FromHours(1));

    private async Task<WorkflowRunResult> RunAsync(ITaskRouter router)
    {
        var input = new JsonObject { ["campaign"] = JsonNode.Parse(CampaignLoader.ToJson(CampaignLoader.Load(Campaign))) };
        return await new LocalWorkflowRunner(NodeTooling.Discover()).RunAsync(Machine.Value, input, router, new LocalRunOptions(), null, CancellationToken.None);
    }
}
