using System.Text.Json.Nodes;
using Dqe.Cli.Tests.TestHelpers;
using Dqe.Cli.Workflows;
using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Handlers;
using Dqe.Core.Hosting;
using Dqe.TestServers;
using Dqe.TestServers.Kubernetes;
using Dqe.Workflows;
using Dqe.Workflows.Chaos;
using Dqe.Workflows.Local;

namespace Dqe.Cli.Tests.Workflows;

/// <summary>The synthesized chaos state machine, run locally with the real handlers against a fake Kubernetes API.</summary>
public sealed class ChaosWorkflowTests : IAsyncLifetime
{
    private static readonly Lazy<LocalWorkflow> Machine = new(() => WorkflowAssembly.Extract(new ChaosWorkflow()));
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

    private const string NoAbort = """
        apiVersion: dqe.io/v1alpha1
        kind: ChaosCampaign
        name: recovery
        target: {namespace: trino, selector: {component: worker}}
        duration: 5m
        steadyState:
          recoveryTimeout: 5m
          probes: [{name: up, type: trino}]
        faults: [{name: kill, type: pod-kill}]
        abort: {pollInterval: 30s, when: []}
        """;

    private const string Benchmarked = NoAbort + """

        report:
          benchmark: [{name: q1, engine: trino, sql: SELECT count(*) FROM orders}]
        """;

    private const string BenchQuery = "SELECT count(*) FROM orders";

    private readonly string _reports = Directory.CreateTempSubdirectory("dqe-chaos-run-").FullName;
    private readonly SteppingTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(20));
    private FakeKubernetesApi _api = null!;
    private TrinoReplayServer _trino = null!;

    public static TheoryData<string> FailingStates() => ["Validate", "Inject", "Observe", "Recover", "Report"];

    public async Task InitializeAsync()
    {
        _api = await FakeKubernetesApi.StartAsync();
        _trino = await TrinoReplayServer.StartAsync();
        _trino.Script("SELECT 1", TrinoScript.Value(1));
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

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _trino.DisposeAsync();
        Directory.Delete(_reports, recursive: true);
    }

    [Fact]
    public async Task Run_HappyPath_InjectsObservesRecoversAndLeavesNothing()
    {
        var result = await RunAsync(Router());

        Assert.True(result.Succeeded, result.Cause);
        Assert.Contains("WaitBetweenPolls", result.Path);
        Assert.Equal(["Validate", "Inject", "Observe"], result.Path.Take(3));
        Assert.Equal("completed", result.Output?["outcome"]?.GetValue<string>());
        Assert.Equal(100, result.Output?["score"]?.GetValue<int>());
        Assert.True(result.Output?["recovered"]?.GetValue<bool>());
        Assert.Contains("VerifySteadyState", result.Path);
        Assert.Contains(_api.Requests, r => r.StartsWith("POST /apis/chaos-mesh.org/v1alpha1/namespaces/trino/networkchaos", StringComparison.Ordinal));
        var report = Report(result.Output?["reportKey"]?.GetValue<string>());
        Assert.Equal(100, report["score"]!.GetValue<int>());
        Assert.Contains(report["polls"]!.AsArray(), p => p!["phase"]!.GetValue<string>() == "before");
        Assert.Contains(report["polls"]!.AsArray(), p => p!["phase"]!.GetValue<string>() == "during");
        Assert.True(File.Exists(Path.Combine(_reports, Path.ChangeExtension(result.Output!["reportKey"]!.GetValue<string>(), "html"))));
        Assert.Null(result.Output["benchmarks"]);
        Assert.Null(report["benchmark"]);
        Assert.DoesNotContain(_trino.Requests, r => r.Body == "SELECT version()");
        AssertNothingLeft();
    }

    [Fact]
    public async Task Run_BenchmarkSlowerDuringFault_DegradationReportedAndPenaltyApplied()
    {
        _trino.Script("SELECT version()", TrinoScript.Value(476));
        _trino.Script(BenchQuery, TrinoScript.Value(15000));
        _api.Behaviour.OnCreated = obj =>
        {
            obj["status"] = JsonNode.Parse("""{"conditions": [{"type": "AllInjected", "status": "True"}]}""");
            _trino.Script(BenchQuery, new TrinoScript([TrinoScript.Value(15000).Steps[0] with { Delay = TimeSpan.FromMilliseconds(400) }]));
        };

        var result = await RunAsync(Router(), Benchmarked);

        Assert.True(result.Succeeded, result.Cause);
        Assert.Equal(["before", "during"], result.Output!["benchmarks"]!.AsArray().Select(p => p!["phase"]!.GetValue<string>()));
        var report = Report(result.Output["reportKey"]?.GetValue<string>());
        var q1 = report["benchmark"]!.AsArray().Single()!;
        // The server delays 400 ms; timer granularity once let the client measure 399.6 ms, so the bound keeps a
        // margin — the slowdown and the penalty below are what this test is about.
        Assert.True(q1["duringMs"]!.GetValue<double>() >= 350, q1.ToJsonString());
        Assert.True(q1["slowdown"]!.GetValue<double>() > 3, q1.ToJsonString());
        Assert.Contains(report["deductions"]!.AsArray(), d => d!["reason"]!.GetValue<string>().StartsWith("benchmark queries", StringComparison.Ordinal) && d["points"]!.GetValue<int>() == ResilienceScore.MaxSlowdownPenalty);
        Assert.Equal(100 - ResilienceScore.MaxSlowdownPenalty, result.Output["score"]!.GetValue<int>());
        Assert.Contains("Performance under fault", File.ReadAllText(Path.Combine(_reports, Path.ChangeExtension(result.Output["reportKey"]!.GetValue<string>(), "html"))), StringComparison.Ordinal);
        AssertNothingLeft();
        Assert.True(TransitionBudgets.Within(WorkflowNames.Chaos, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_BenchmarkQueryFails_ReportedNoPenaltyNoAbort()
    {
        _trino.Script("SELECT version()", TrinoScript.Value(476));
        _api.Behaviour.OnCreated = obj => obj["status"] = JsonNode.Parse("""{"conditions": [{"type": "AllInjected", "status": "True"}]}""");

        var result = await RunAsync(Router(), Benchmarked);

        Assert.True(result.Succeeded, result.Cause);
        Assert.Equal(100, result.Output!["score"]!.GetValue<int>());
        var report = Report(result.Output["reportKey"]?.GetValue<string>());
        var q1 = report["benchmark"]!.AsArray().Single()!;
        Assert.Null(q1["slowdown"]);
        Assert.StartsWith("before: Failed", q1["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(report["meanSlowdown"]);
        Assert.Contains(_trino.Requests, r => r.Body == BenchQuery);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Run_SteadyStateFailsBeforeInjection_NothingCreatedAndReported()
    {
        _trino.Forget("SELECT 1");

        var result = await RunAsync(Router());

        Assert.False(result.Succeeded);
        Assert.Equal(["Validate", "Rollback", "RolledBack?", "ReportFailure", "CampaignFailed"], result.Path.Where(p => !p.StartsWith("Wait", StringComparison.Ordinal)));
        Assert.DoesNotContain(_api.Requests, r => !r.StartsWith("GET ", StringComparison.Ordinal));
        var report = Assert.Single(Reports());
        Assert.Null(report["score"]);
        Assert.Contains("steady state does not hold before injection", report["error"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Run_ProbeFailsWhileFaultRuns_AbortConditionRollsBack()
    {
        _api.Behaviour.OnCreated = _ => _trino.Forget("SELECT 1");

        var result = await RunAsync(Router());

        Assert.False(result.Succeeded);
        Assert.Equal(["Validate", "Inject", "Observe", "Rollback"], result.Path.Take(4));
        Assert.Contains(result.Events, e => e.Cause?.Contains("abort condition on probe up", StringComparison.Ordinal) == true);
        var report = Assert.Single(Reports());
        Assert.Equal(60, report["score"]!.GetValue<int>());
        Assert.NotNull(report["abortedAt"]);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Run_SteadyStateNotBackWithinRecoveryTimeout_PenaltyAndReportSaysSo()
    {
        _api.Behaviour.OnCreated = _ => _trino.Forget("SELECT 1");

        var result = await RunAsync(Router(), NoAbort);

        Assert.True(result.Succeeded, result.Cause);
        Assert.False(result.Output?["recovered"]?.GetValue<bool>());
        Assert.Equal(40, result.Output?["score"]?.GetValue<int>());
        var html = File.ReadAllText(Path.Combine(_reports, Path.ChangeExtension(result.Output!["reportKey"]!.GetValue<string>(), "html")));
        Assert.Contains("steady state NOT back within 5m", html, StringComparison.Ordinal);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Run_SteadyStateBackAfterRollback_RecoveredWithFailedPollPenaltyOnly()
    {
        _api.Behaviour.OnCreated = _ => _trino.Forget("SELECT 1");
        _api.Behaviour.HoldOnDelete = _ =>
        {
            _trino.Script("SELECT 1", TrinoScript.Value(1));
            return false;
        };

        var result = await RunAsync(Router(), NoAbort);

        Assert.True(result.Succeeded, result.Cause);
        Assert.True(result.Output?["recovered"]?.GetValue<bool>());
        Assert.Equal(70, result.Output?["score"]?.GetValue<int>());
        AssertNothingLeft();
        Assert.True(TransitionBudgets.Within(WorkflowNames.Chaos, result, out var overrun), overrun);
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
        Assert.True(TransitionBudgets.Within(WorkflowNames.Chaos, result, out var overrun), overrun);
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
        Assert.True(TransitionBudgets.Within(WorkflowNames.Chaos, result, out var overrun), overrun);
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
        Assert.True(TransitionBudgets.Within(WorkflowNames.Chaos, result, out var overrun), overrun);
    }

    private void AssertNothingLeft()
    {
        Assert.Empty(new[] { "podchaos", "networkchaos", "stresschaos" }.SelectMany(p => _api.All("chaos-mesh.org", p)));
        Assert.DoesNotContain(_api.All("", "nodes"), n => n["spec"]?["unschedulable"]?.GetValue<bool>() == true);
        Assert.DoesNotContain(_api.All("", "nodes"), n => n["metadata"]?["labels"]?["dqe.io/run-id"] is not null);
    }

    private LocalInvoker Invoker() =>
        new(new HostServices(_time, new MapEnvironment(new Dictionary<string, string>
        {
            [FunctionVariables.TrinoUrl] = _trino.BaseUri.AbsoluteUri,
            ["DQE_REPORTS_DIR"] = _reports,
        }), new FakeApiKubernetesFactory(_api.BaseUri), new NoSecrets()), TextWriter.Null, new HostingOptions());

    private JsonNode Report(string? key) => JsonNode.Parse(File.ReadAllText(Path.Combine(_reports, key ?? throw new InvalidOperationException("no report key"))))!;

    private List<JsonNode> Reports() =>
        [.. Directory.EnumerateFiles(_reports, "*.json", SearchOption.AllDirectories).Select(f => JsonNode.Parse(File.ReadAllText(f))!)];

    private HandlerTaskRouter Router() => new(Invoker(), TimeSpan.FromHours(1));

    private async Task<WorkflowRunResult> RunAsync(ITaskRouter router, string campaign = Campaign)
    {
        var input = new JsonObject { ["campaign"] = JsonNode.Parse(CampaignLoader.ToJson(CampaignLoader.Load(campaign))) };
        return await new LocalWorkflowRunner(NodeTooling.Discover()).RunAsync(Machine.Value, input, router, new LocalRunOptions(), null, CancellationToken.None);
    }
}
