using System.Text;
using System.Text.Json.Nodes;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;
using Dqe.Core.Kubernetes;
using Dqe.Core.Remediation;
using Dqe.Core.Remediation.Guardrails;
using Dqe.Core.Remediation.Lambda;
using Dqe.Core.Remediation.Webhook;
using Dqe.Core.Secrets;
using Dqe.TestServers.Remediation;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>
/// The remediation handlers over their real AWS clients (StartExecution, SNS, Prometheus) pointed at
/// <see cref="FakeRemediationEndpoints"/>, with in-memory guardrails and audit and a fake cluster.
/// </summary>
internal sealed class RemediationLambdaHarness : IAsyncDisposable
{
    public const string StateMachineArn = "arn:aws:states:eu-west-1:111111111111:stateMachine:dqe-test-remediation";
    private readonly HttpClient _http = new();

    private RemediationLambdaHarness(FakeRemediationEndpoints endpoints) => Endpoints = endpoints;

    public FakeRemediationEndpoints Endpoints { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 10, 5, 0, TimeSpan.Zero));

    public FakeClusterActions Cluster { get; } = new();

    public InMemoryGuardrailStore Store { get; } = new();

    public InMemoryAuditLog Audit { get; } = new();

    /// <summary>The secret value the webhook reads its tokens from; null = Secrets Manager refuses.</summary>
    public string? TokenSecret { get; set; } = $$"""{"token":"{{RemediationHarness.Token}}","previousToken":"old-token-abcdef"}""";

    public bool WithPrometheus { get; set; } = true;

    public static async Task<RemediationLambdaHarness> StartAsync() => new(await FakeRemediationEndpoints.StartAsync());

    public RemediationRuntime Runtime()
    {
        var aws = new AwsSignedClient(_http, new StaticCredentialsSource(new AwsCredentials("AKIDEXAMPLE", "secret")), "eu-west-1", Time);
        return RemediationRuntime.Compose(
            new RemediationOptions(), Store, Audit, Cluster, Cluster,
            new StepFunctionsDispatcher(aws, StateMachineArn, new RemediationOptions(), Time, Endpoints.BaseUri),
            audit => new SnsEscalator(aws, "arn:aws:sns:eu-west-1:111111111111:dqe-test-remediation", audit, Time, Endpoints.BaseUri),
            WithPrometheus ? new PrometheusAlertSource(_http, Endpoints.BaseUri) : null,
            _ => TokenSecret is { } secret
                ? Task.FromResult(RemediationSetup.Tokens(secret, "dqe/test/observability/remediation-token"))
                : Task.FromException<BearerTokenValidator>(new SecretUnavailableException("secret 'dqe/test/observability/remediation-token': AccessDeniedException")),
            Time);
    }

    public IFunctionHandler Handler(string name)
    {
        var runtime = Runtime();
        return name switch
        {
            RemediationHandlerNames.Webhook => new WebhookHandler(() => runtime),
            RemediationHandlerNames.Act => new ActHandler(() => runtime),
            RemediationHandlerNames.Verify => new VerifyHandler(() => runtime),
            _ => new EscalateHandler(() => runtime),
        };
    }

    public async Task<JsonNode> InvokeAsync(string handler, JsonNode input)
    {
        var context = new InvocationContext
        {
            RequestId = "r", HandlerName = handler, Deadline = Time.GetUtcNow().AddMinutes(1),
            Log = new NullLog(), Metrics = new NullMetrics(),
        };
        var output = await Handler(handler).InvokeAsync(Encoding.UTF8.GetBytes(input.ToJsonString()), context, CancellationToken.None);
        return JsonNode.Parse(output)!;
    }

    /// <summary>API Gateway's REST proxy event for POST /v1/alerts with <paramref name="body"/>.</summary>
    public static JsonObject ApiEvent(string body, string? authorization = "Bearer " + RemediationHarness.Token, bool base64 = false) => new()
    {
        ["resource"] = "/v1/alerts",
        ["path"] = "/v1/alerts",
        ["httpMethod"] = "POST",
        ["headers"] = authorization is null ? new JsonObject { ["Content-Type"] = "application/json" } : new JsonObject { ["authorization"] = authorization, ["Content-Type"] = "application/json" },
        ["multiValueHeaders"] = new JsonObject(),
        ["requestContext"] = new JsonObject { ["stage"] = "dqe", ["identity"] = new JsonObject { ["vpceId"] = "vpce-0123" } },
        ["body"] = base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) : body,
        ["isBase64Encoded"] = base64,
    };

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Endpoints.DisposeAsync();
    }

    private sealed class NullLog : IFunctionLog
    {
        public void Write(LogLevel level, string message)
        {
            // Handler logs are not under test here.
        }
    }

    private sealed class NullMetrics : IMetrics
    {
        public void Add(string name, double value, MetricUnit unit)
        {
            // Metrics are not under test here.
        }

        public void SetDimension(string name, string value)
        {
            // Metrics are not under test here.
        }
    }
}
