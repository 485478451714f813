using System.Text.Json.Serialization;

namespace Dqe.Core.Remediation.Webhook;

/// <summary>
/// Alertmanager's webhook body (payload version 4). Every property is nullable on purpose: the parser checks
/// required fields itself so a rejection names the exact field (source-gen "required" errors do not).
/// Unknown properties (e.g. the newer <c>notification_reason</c>) are ignored for forward compatibility.
/// </summary>
public sealed record AlertmanagerMessage(
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("groupKey")] string? GroupKey,
    [property: JsonPropertyName("truncatedAlerts")] int? TruncatedAlerts,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("receiver")] string? Receiver,
    [property: JsonPropertyName("groupLabels")] Dictionary<string, string>? GroupLabels,
    [property: JsonPropertyName("commonLabels")] Dictionary<string, string>? CommonLabels,
    [property: JsonPropertyName("commonAnnotations")] Dictionary<string, string>? CommonAnnotations,
    [property: JsonPropertyName("externalURL")] string? ExternalUrl,
    [property: JsonPropertyName("alerts")] List<AlertmanagerAlert?>? Alerts);
