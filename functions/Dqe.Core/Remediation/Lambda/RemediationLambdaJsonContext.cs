using System.Text.Json.Serialization;
using Dqe.Core.Remediation.Webhook;

namespace Dqe.Core.Remediation.Lambda;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ApiGatewayRequest))]
[JsonSerializable(typeof(ApiGatewayResponse))]
[JsonSerializable(typeof(RemediationRun))]
[JsonSerializable(typeof(AuditRecord))]
[JsonSerializable(typeof(VerifyResult))]
[JsonSerializable(typeof(EscalationResult))]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(AwsErrorBody))]
[JsonSerializable(typeof(WebhookReply))]
public sealed partial class RemediationLambdaJsonContext : JsonSerializerContext;
