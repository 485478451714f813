using System.Text;
using System.Text.Json;
using Dqe.Core.Hosting;
using Dqe.Core.Remediation.Webhook;
using Dqe.Core.Secrets;

namespace Dqe.Core.Remediation.Lambda;

/// <summary>
/// <c>dqe.remediation.webhook</c>: API Gateway's POST /v1/alerts (REST proxy event) into the shared
/// <see cref="RemediationWebhook"/>, with the bearer tokens read from Secrets Manager. Always answers with the
/// webhook's status (never a Lambda error), so Alertmanager sees 401/400/413 as final and 503 as retry.
/// </summary>
internal sealed class WebhookHandler : FunctionHandler<ApiGatewayRequest, ApiGatewayResponse>
{
    private static readonly IReadOnlyDictionary<string, string> JsonHeaders = new Dictionary<string, string> { ["Content-Type"] = "application/json" };
    private readonly Lazy<RemediationRuntime> _runtime;

    public WebhookHandler(Func<RemediationRuntime> runtime)
        : base(RemediationLambdaJsonContext.Default.ApiGatewayRequest, RemediationLambdaJsonContext.Default.ApiGatewayResponse)
    {
        _runtime = new(runtime);
    }

    protected override async Task<ApiGatewayResponse> HandleAsync(ApiGatewayRequest request, InvocationContext context, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            body = request.IsBase64Encoded ? Convert.FromBase64String(request.Body ?? "") : Encoding.UTF8.GetBytes(request.Body ?? "");
        }
        catch (FormatException)
        {
            return Reply(new WebhookReply(400, "body: isBase64Encoded is true but the body is not base64", "$", []));
        }

        var runtime = _runtime.Value;
        BearerTokenValidator tokens;
        try
        {
            tokens = await runtime.Tokens(cancellationToken).ConfigureAwait(false);
        }
        catch (SecretUnavailableException e)
        {
            // Without the tokens nothing can be authenticated; 503 makes Alertmanager retry once the secret is readable.
            return Reply(new WebhookReply(503, $"remediation temporarily unavailable: {e.Message}", null, []));
        }

        var reply = await new RemediationWebhook(tokens, runtime.Services).HandleAsync(request.Header("Authorization"), body, cancellationToken).ConfigureAwait(false);
        context.Metrics.Add("RemediationWebhookStatus" + reply.Status, 1, Hosting.Telemetry.MetricUnit.Count);
        return Reply(reply);
    }

    private static ApiGatewayResponse Reply(WebhookReply reply) =>
        new(reply.Status, JsonHeaders, JsonSerializer.Serialize(reply, RemediationLambdaJsonContext.Default.WebhookReply));
}
