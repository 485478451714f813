using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Dqe.Cdk.Config;

/// <summary>Serializes the untyped context values jsii returns (dictionaries, arrays, primitives) back to JSON.</summary>
internal static class ContextJson
{
    // Reflection-based on purpose: the shapes are arbitrary object graphs, and the CDK app runs under the JIT.
    public static JsonSerializerOptions Options { get; } = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
}
