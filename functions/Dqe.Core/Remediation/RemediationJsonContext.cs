using System.Text.Json.Serialization;
using Dqe.Core.Remediation.Webhook;

namespace Dqe.Core.Remediation;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(AlertmanagerMessage))]
[JsonSerializable(typeof(WebhookReply))]
[JsonSerializable(typeof(AuditRecord))]
[JsonSerializable(typeof(List<AuditRecord>))]
public sealed partial class RemediationJsonContext : JsonSerializerContext;
