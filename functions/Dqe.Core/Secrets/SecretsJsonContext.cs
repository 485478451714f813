using System.Text.Json.Serialization;

namespace Dqe.Core.Secrets;

/// <summary>GetSecretValue request: the JSON 1.1 body Secrets Manager takes (a version by id or staging label, or AWSCURRENT).</summary>
internal sealed record GetSecretValueRequest(
    [property: JsonPropertyName("SecretId")] string SecretId,
    [property: JsonPropertyName("VersionId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? VersionId = null,
    [property: JsonPropertyName("VersionStage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? VersionStage = null);

/// <summary>The fields of GetSecretValue's answer that Dqe reads.</summary>
internal sealed record GetSecretValueResponse(
    [property: JsonPropertyName("SecretString")] string? SecretString,
    [property: JsonPropertyName("VersionId")] string? VersionId = null);

/// <summary>Secrets Manager's error document.</summary>
internal sealed record ErrorDocument(
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("Message")] string? MessageUpper);

internal sealed record DescribeSecretRequest([property: JsonPropertyName("SecretId")] string SecretId);

internal sealed record DescribeSecretResponse(
    [property: JsonPropertyName("ARN")] string? Arn,
    [property: JsonPropertyName("Name")] string? Name,
    [property: JsonPropertyName("RotationEnabled")] bool? RotationEnabled,
    [property: JsonPropertyName("VersionIdsToStages")] Dictionary<string, List<string>>? VersionIdsToStages);

internal sealed record PutSecretValueRequest(
    [property: JsonPropertyName("SecretId")] string SecretId,
    [property: JsonPropertyName("ClientRequestToken")] string ClientRequestToken,
    [property: JsonPropertyName("SecretString")] string SecretString,
    [property: JsonPropertyName("VersionStages")] IReadOnlyList<string> VersionStages);

internal sealed record UpdateSecretVersionStageRequest(
    [property: JsonPropertyName("SecretId")] string SecretId,
    [property: JsonPropertyName("VersionStage")] string VersionStage,
    [property: JsonPropertyName("MoveToVersionId")] string MoveToVersionId,
    [property: JsonPropertyName("RemoveFromVersionId")] string RemoveFromVersionId);

/// <summary>{"user": ..., "password": ...}: the engine users' generated secrets.</summary>
internal sealed record UserPasswordSecret(
    [property: JsonPropertyName("user")] string? User,
    [property: JsonPropertyName("password")] string? Password);

[JsonSerializable(typeof(GetSecretValueRequest))]
[JsonSerializable(typeof(GetSecretValueResponse))]
[JsonSerializable(typeof(ErrorDocument))]
[JsonSerializable(typeof(DescribeSecretRequest))]
[JsonSerializable(typeof(DescribeSecretResponse))]
[JsonSerializable(typeof(PutSecretValueRequest))]
[JsonSerializable(typeof(UpdateSecretVersionStageRequest))]
[JsonSerializable(typeof(UserPasswordSecret))]
internal sealed partial class SecretsJsonContext : JsonSerializerContext;
