using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Dqe.Cdk.Config;

/// <summary>JSON options for the configuration and for the untyped context values jsii returns.</summary>
/// <remarks>
/// Reflection-based on purpose. The CDK app runs under the JIT, and the source generator assigns default(T)
/// to init-only properties missing from the JSON, which would wipe the documented defaults of the config records.
/// </remarks>
internal static class ContextJson
{
    /// <summary>For arbitrary context object graphs (dictionaries, arrays, primitives).</summary>
    public static JsonSerializerOptions Options { get; } = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    /// <summary>For <see cref="DqeConfig"/>: camelCase keys, and unknown keys are errors so a typo never deploys a default.</summary>
    public static JsonSerializerOptions Config { get; } = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };
}
