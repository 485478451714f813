using System.Text.Json.Serialization;

namespace Dqe.Core.Secrets.Rotation;

// Unknown fields are skipped, not refused: Secrets Manager may add event fields (RotationToken was added later).
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(RotationRequest))]
[JsonSerializable(typeof(RotationResponse))]
internal sealed partial class RotationJsonContext : JsonSerializerContext;
