using System.Text.Json.Nodes;
using Dqe.Cli.Remediation;
using Dqe.Cli.Tests.TestHelpers;
using Dqe.Core.Hosting;
using Dqe.Core.Kubernetes;
using Dqe.Core.Remediation;
using Dqe.Core.Remediation.Actions;
using Dqe.Core.Remediation.Guardrails;
using Dqe.Core.Remediation.Lambda;
using Dqe.Core.Remediation.Webhook;
using Dqe.TestServers.Kubernetes;
using Dqe.TestServers.Remediation;
using Dqe.Workflows;
using Dqe.Workflows.Local;
using Dqe.Workflows.Local.Fakes;
using Dqe.Workflows.Remediation;

namespace Dqe.Cli.Tests.Workflows;

/// <summary>
/// The synthesized remediation state machine, started with the input the real webhook handler sent to
/// StartExecution, its Task states running the real act/verify/escalate handlers against a fake Kubernetes API,
/// a fake Prometheus and a fake SNS.
/// </summary>
public sealed class RemediationWorkflowTests : IAsyncLifetime
{
    private const string Token = "workflow-test-token-0123";
    private static readonly Lazy<LocalWorkflow> Machine = new(() => WorkflowAssembly.Extract(new RemediationWorkflow()));
    private readonly SteppingTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 5, 0, TimeSpan.Zero), TimeSpan.FromSeconds(1));
    private readonly InMemoryGuardrailStore _store = new();
    private readonly InMemoryAuditLog _audit = new();
    private readonly HttpClient _http = new();
    private FakeKubernetesApi _api = null!;
    private FakeRemediationEndpoints _aws = null!;
    private RemediationRuntime _runtime = null!;

    public static TheoryData<string> FailingStates() => ["Act", "Verify"];

    public async Task InitializeAsync()
    {
        _api = await FakeKubernetesApi.StartAsync();
        _aws = await FakeRemediationEndpoints.StartAsync();
        _api.Seed("api/v1/namespaces/trino/pods", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "trino-worker-7" }, ["spec"] = new JsonObject { ["nodeName"] = "node-a" } });
        var aws = new AwsSignedClient(_http, new Static(), "eu-west-1", _time);
        var options = new RemediationOptions();
        _runtime = RemediationRuntime.Compose(
            options, _store, _audit,
            new KubernetesClusterActions(new FakeApiKubernetesFactory(_api.BaseUri).Create()), new UnconfiguredEngineActions(),
            new StepFunctionsDispatcher(aws, "arn:aws:states:eu-west-1:111111111111:stateMachine:dqe-test-remediation", options, _time, _aws.BaseUri),
            audit => new SnsEscalator(aws, "arn:aws:sns:eu-west-1:111111111111:dqe-test-remediation", audit, _time, _aws.BaseUri),
            new PrometheusAlertSource(_http, _aws.BaseUri),
            _ => Task.FromResult(new BearerTokenValidator([Token])),
            _time);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _aws.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Run_HappyPath_ActsWaitsVerifiesAndSucceedsWithoutPaging()
    {
        var result = await RunAsync(await StartInputAsync(RunbookActions.RestartPod));

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["Actionable?", "Act", "Acted?", "WaitBeforeVerify", "Verify", "Recovered?", "Remediated"], result.Path);
        Assert.Null(_api.Get("", "pods", "trino", "trino-worker-7"));
        Assert.Empty(_aws.Published);
        Assert.Equal([("act", DecisionOutcome.Succeeded), ("verify", DecisionOutcome.Succeeded)],
            _audit.Snapshot().Where(r => r.Step != "decide").Select(r => (r.Step, r.Outcome)));
        Assert.True(TransitionBudgets.Within(WorkflowNames.Remediation, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_StillFiringAfterWait_EscalatesWithWhatWasTried()
    {
        _aws.Firing["DqePodCrashLooping"] = true;

        var result = await RunAsync(await StartInputAsync(RunbookActions.RestartPod));

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["Recovered?", "Escalate", "Escalated"], result.Path.TakeLast(3));
        var (_, message) = Assert.Single(_aws.Published);
        Assert.Contains("deleted pod trino/trino-worker-7", message, StringComparison.Ordinal);
        Assert.Contains("after 300 s not recovered", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FailingStates))]
    public async Task Run_FailureInjectedIntoTask_CaughtAndEscalatedWithTheError(string state)
    {
        var result = await RunAsync(await StartInputAsync(RunbookActions.RestartPod), state);

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["Escalate", "Escalated"], result.Path.TakeLast(2));
        Assert.Contains(state, result.Path);
        Assert.Contains($"failure injected into '{state}'", Assert.Single(_aws.Published).Message, StringComparison.Ordinal);
        Assert.True(TransitionBudgets.Within(WorkflowNames.Remediation, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_EscalateFails_ExecutionFailsWithEscalationFailed()
    {
        _aws.Firing["DqePodCrashLooping"] = true;

        var result = await RunAsync(await StartInputAsync(RunbookActions.RestartPod), "Escalate");

        Assert.Equal(("FAILED", "Dqe.EscalationFailed"), (result.Status, result.Error));
        Assert.Contains("failure injected into 'Escalate'", result.Cause, StringComparison.Ordinal);
        Assert.True(TransitionBudgets.Within(WorkflowNames.Remediation, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_SnsRefusesThePage_EscalationFailsTheExecution()
    {
        _aws.Firing["DqePodCrashLooping"] = true;
        var input = await StartInputAsync(RunbookActions.RestartPod);
        _aws.FailWith = 403;

        var result = await RunAsync(input);

        Assert.Equal(("FAILED", "Dqe.EscalationFailed"), (result.Status, result.Error));
    }

    [Fact]
    public async Task Run_EscalationOnlyDecision_GoesStraightToEscalate()
    {
        var result = await RunAsync(await StartInputAsync(RunbookActions.None));

        Assert.Equal(["Actionable?", "Escalate", "Escalated"], result.Path);
        Assert.Contains("remediation=none", Assert.Single(_aws.Published).Message, StringComparison.Ordinal);
        Assert.NotNull(_api.Get("", "pods", "trino", "trino-worker-7"));
    }

    [Fact]
    public async Task Run_AlertResolvedBeforeActing_EndsWithoutChangeOrPage()
    {
        var input = await StartInputAsync(RunbookActions.RestartPod);
        await PostAsync(RunbookActions.RestartPod, "resolved");

        var result = await RunAsync(input);

        Assert.Equal("ResolvedBeforeActing", result.Path[^1]);
        Assert.NotNull(_api.Get("", "pods", "trino", "trino-worker-7"));
        Assert.Empty(_aws.Published);
    }

    [Fact]
    public void Handlers_EveryNameTheWorkflowCallsIsRegisteredInTheHost()
    {
        var workflow = new RemediationWorkflow();

        Assert.Equal([RemediationHandlerNames.Act, RemediationHandlerNames.Verify, RemediationHandlerNames.Escalate], workflow.Handlers);
        Assert.Equal(RemediationHandlerNames.Webhook, RemediationWorkflow.Webhook);
        Assert.All([.. workflow.Handlers, RemediationWorkflow.Webhook], h => Assert.NotNull(HandlerRegistry.Find(h)));
    }

    /// <summary>Posts the alert to the real webhook handler and returns what it passed to StartExecution.</summary>
    private async Task<JsonNode> StartInputAsync(string action)
    {
        var reply = await PostAsync(action, "firing");
        Assert.Equal(200, reply.Status);
        return JsonNode.Parse(Assert.Single(_aws.Executions).Value)!;
    }

    private Task<WebhookReply> PostAsync(string action, string status)
    {
        var alert = new JsonObject
        {
            ["status"] = status,
            ["labels"] = new JsonObject { ["alertname"] = "DqePodCrashLooping", ["severity"] = "warning", ["remediation"] = action, ["namespace"] = "trino", ["pod"] = "trino-worker-7" },
            ["annotations"] = new JsonObject { ["summary"] = "trino/trino-worker-7 is crash looping" },
            ["startsAt"] = "2026-11-25T10:00:00Z",
            ["endsAt"] = "0001-01-01T00:00:00Z",
            ["generatorURL"] = "http://prometheus:9090/graph",
            ["fingerprint"] = "5c1a7e0f3b2d9a11",
        };
        var body = new JsonObject { ["version"] = "4", ["status"] = status, ["receiver"] = "dqe-remediation", ["alerts"] = new JsonArray(alert) };
        return new RemediationWebhook(new BearerTokenValidator([Token]), _runtime.Services)
            .HandleAsync("Bearer " + Token, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), CancellationToken.None);
    }

    private Task<WorkflowRunResult> RunAsync(JsonNode input, string? failAt = null)
    {
        var handlers = new Dictionary<string, IFunctionHandler>
        {
            [RemediationWorkflow.Act] = new ActHandler(() => _runtime),
            [RemediationWorkflow.Verify] = new VerifyHandler(() => _runtime),
            [RemediationWorkflow.Escalate] = new EscalateHandler(() => _runtime),
        };
        ITaskRouter router = new TaskRouter(new DirectHandlerRouter(handlers, _time), new AwsApiFake(_time));
        router = failAt is null ? router : new FailureInjector(router, failAt);
        return new LocalWorkflowRunner(NodeTooling.Discover()).RunAsync(Machine.Value, input.AsObject(), router, new LocalRunOptions(), null, CancellationToken.None);
    }

    private sealed class Static : IAwsCredentialsSource
    {
        public ValueTask<AwsCredentials> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new AwsCredentials("AKIDEXAMPLE", "secret"));
    }
}
