using System.Text.Json.Serialization;

namespace Dqe.Core.Secrets.Rotation;

/// <summary>The event Secrets Manager invokes a rotation function with (PascalCase, as the service sends it).</summary>
public sealed record RotationRequest(
    [property: JsonPropertyName("Step")] string Step,
    [property: JsonPropertyName("SecretId")] string SecretId,
    [property: JsonPropertyName("ClientRequestToken")] string ClientRequestToken)
{
    /// <summary>Sent by Secrets Manager for rotation functions that call it with the caller's identity; not used here.</summary>
    [JsonPropertyName("RotationToken")]
    public string? RotationToken { get; init; }
}
