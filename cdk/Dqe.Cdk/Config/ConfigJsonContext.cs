using System.Text.Json.Serialization;

namespace Dqe.Cdk.Config;

// Unknown keys are errors, not silently ignored: a typo in cdk.json must not deploy a default.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(DqeConfig))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
