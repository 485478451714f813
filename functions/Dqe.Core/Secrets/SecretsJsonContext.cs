using System.Text.Json.Serialization;

namespace Dqe.Core.Secrets;

/// <summary>GetSecretValue request: the JSON 1.1 body Secrets Manager takes.</summary>
internal sealed record GetSecretValueRequest([property: JsonPropertyName("SecretId")] string SecretId);

/// <summary>The fields of GetSecretValue's answer (and of its error document) that Dqe reads.</summary>
internal sealed record GetSecretValueResponse(
    [property: JsonPropertyName("SecretString")] string? SecretString,
    [property: JsonPropertyName("__type")] string? Type,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("Message")] string? MessageUpper);

/// <summary>{"user": ..., "password": ...}: the engine users' generated secrets.</summary>
internal sealed record UserPasswordSecret(
    [property: JsonPropertyName("user")] string? User,
    [property: JsonPropertyName("password")] string? Password);

[JsonSerializable(typeof(GetSecretValueRequest))]
[JsonSerializable(typeof(GetSecretValueResponse))]
[JsonSerializable(typeof(UserPasswordSecret))]
internal sealed partial class SecretsJsonContext : JsonSerializerContext;
