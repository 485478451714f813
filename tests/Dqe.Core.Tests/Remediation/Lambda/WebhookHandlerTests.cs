using System.Text.Json.Nodes;
using Dqe.Core.Remediation;
using Dqe.Core.Remediation.Lambda;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Remediation.Lambda;

/// <summary>dqe.remediation.webhook on the documented v4 payload inside API Gateway's proxy event.</summary>
public sealed class WebhookHandlerTests : IAsyncLifetime
{
    private RemediationLambdaHarness _h = null!;

    public async Task InitializeAsync() => _h = await RemediationLambdaHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Invoke_DocumentedFiringAlert_StartsOneSignedExecutionNamedByFingerprintAndWindow()
    {
        var reply = await _h.InvokeAsync(RemediationHandlerNames.Webhook, RemediationLambdaHarness.ApiEvent(AlertPayloads.Fixture));

        Assert.Equal(200, reply["statusCode"]!.GetValue<int>());
        Assert.Equal("application/json", reply["headers"]!["Content-Type"]!.GetValue<string>());
        var body = JsonNode.Parse(reply["body"]!.GetValue<string>())!;
        Assert.Equal(DecisionOutcome.Act, body["decisions"]![0]!["outcome"]!.GetValue<string>());
        var (name, input) = Assert.Single(_h.Endpoints.Executions);
        var window = _h.Time.GetUtcNow().ToUnixTimeSeconds() / 1800;
        Assert.Equal($"{body["decisions"]![0]!["fingerprint"]!.GetValue<string>()}-{window}", name);
        var run = JsonNode.Parse(input)!;
        Assert.Equal("pod/trino/trino-worker-7", $"{run["decision"]!["target"]!["kind"]}/{run["decision"]!["target"]!["namespace"]}/{run["decision"]!["target"]!["name"]}");
        Assert.Equal(300, run["verifyAfterSeconds"]!.GetValue<int>());
        var request = Assert.Single(_h.Endpoints.Requests);
        Assert.Contains("/eu-west-1/states/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Empty(_h.Cluster.Changes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Invoke_Unauthenticated_401AndNothingStartedOrAudited(string? authorization)
    {
        var reply = await _h.InvokeAsync(RemediationHandlerNames.Webhook, RemediationLambdaHarness.ApiEvent(AlertPayloads.Fixture, authorization));

        Assert.Equal(401, reply["statusCode"]!.GetValue<int>());
        Assert.Empty(_h.Endpoints.Executions);
        Assert.Empty(_h.Audit.Snapshot());
    }

    [Fact]
    public async Task Invoke_PreviousTokenDuringRotation_Accepted()
    {
        var reply = await _h.InvokeAsync(RemediationHandlerNames.Webhook, RemediationLambdaHarness.ApiEvent(AlertPayloads.Fixture, "Bearer old-token-abcdef"));

        Assert.Equal(200, reply["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Invoke_Base64Body_DecodedLikeAPlainOne()
    {
        var reply = await _h.InvokeAsync(RemediationHandlerNames.Webhook, RemediationLambdaHarness.ApiEvent(AlertPayloads.Fixture, base64: true));

        Assert.Equal(200, reply["statusCode"]!.GetValue<int>());
        Assert.Single(_h.Endpoints.Executions);
    }

    [Theory]
    [InlineData("""{"version":"3","status":"firing","alerts":[]}""", "$.version")]
    [InlineData("not json", "$")]
    public async Task Invoke_BadPayload_400NamingTheField(string body, string field)
    {
        var reply = await _h.InvokeAsync(RemediationHandlerNames.Webhook, RemediationLambdaHarness.ApiEvent(body));

        Assert.Equal(400, reply["statusCode"]!.GetValue<int>());
        Assert.Equal(field, JsonNode.Parse(reply["body"]!.GetValue<string>())!["field"]!.GetValue<string>());
        Assert.Empty(_h.Endpoints.Executions);
    }

    [Fact]
    public async Task Invoke_TokenSecretUnreadable_503SoAlertmanagerRetries()
    {
        _h.TokenSecret = null;

        var reply = await _h.InvokeAsync(RemediationHandlerNames.Webhook, RemediationLambdaHarness.ApiEvent(AlertPayloads.Fixture));

        Assert.Equal(503, reply["statusCode"]!.GetValue<int>());
        Assert.Contains("AccessDeniedException", reply["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_h.Audit.Snapshot());
    }

    [Fact]
    public async Task Invoke_StartExecutionFailsThenRetry_503ThenStartedNotDuplicate()
    {
        _h.Endpoints.FailWith = 500;
        var first = await _h.InvokeAsync(RemediationHandlerNames.Webhook, RemediationLambdaHarness.ApiEvent(AlertPayloads.Fixture));
        _h.Endpoints.FailWith = null;
        _h.Time.Advance(TimeSpan.FromSeconds(30));

        var retry = await _h.InvokeAsync(RemediationHandlerNames.Webhook, RemediationLambdaHarness.ApiEvent(AlertPayloads.Fixture));

        Assert.Equal(503, first["statusCode"]!.GetValue<int>());
        Assert.Equal(200, retry["statusCode"]!.GetValue<int>());
        Assert.Equal(DecisionOutcome.Act, JsonNode.Parse(retry["body"]!.GetValue<string>())!["decisions"]![0]!["outcome"]!.GetValue<string>());
        Assert.Single(_h.Endpoints.Executions);
    }

    [Fact]
    public async Task Invoke_SameFiringStartedTwiceInOneWindow_SecondStartIsAcceptedAsAlreadyRunning()
    {
        var runtime = _h.Runtime();
        var decision = await DecideAsync(runtime);
        _h.Endpoints.Requests.Clear();

        await runtime.Services.Dispatcher.DispatchAsync(decision, CancellationToken.None);
        await runtime.Services.Dispatcher.DispatchAsync(decision with { Id = "other" }, CancellationToken.None);

        Assert.Single(_h.Endpoints.Executions);
        Assert.Equal(2, _h.Endpoints.Requests.Count);
    }

    [Fact]
    public async Task Invoke_ResolvedNotification_MarksResolvedAndStartsNothing()
    {
        var reply = await _h.InvokeAsync(RemediationHandlerNames.Webhook, RemediationLambdaHarness.ApiEvent(AlertPayloads.Resolved("ab07")));

        Assert.Equal(DecisionOutcome.Resolved, JsonNode.Parse(reply["body"]!.GetValue<string>())!["decisions"]![0]!["outcome"]!.GetValue<string>());
        Assert.NotNull(await _h.Store.GetResolvedAtAsync("ab07", CancellationToken.None));
        Assert.Empty(_h.Endpoints.Executions);
    }

    private async Task<RemediationDecision> DecideAsync(RemediationRuntime runtime)
    {
        await _h.InvokeAsync(RemediationHandlerNames.Webhook, RemediationLambdaHarness.ApiEvent(AlertPayloads.Fixture));
        var input = Assert.Single(_h.Endpoints.Executions).Value;
        return System.Text.Json.JsonSerializer.Deserialize(input, RemediationLambdaJsonContext.Default.RemediationRun)!.Decision;
    }
}
