using System.Text.Json.Serialization;

namespace Dqe.Core.Remediation.Lambda;

/// <summary>An AWS JSON-protocol error: <c>__type</c> (sometimes prefixed with a namespace and '#') and a message.</summary>
public sealed record AwsErrorBody(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("message")] string? Message)
{
    public string ShortType => Type is { } t ? t[(t.LastIndexOf('#') + 1)..] : "";
}
