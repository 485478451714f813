using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Engines;

/// <summary>
/// Turns typed values records (and anonymous objects for manifests) into the plain dictionaries, arrays and
/// primitives that jsii passes to Helm and kubectl (<see cref="JsiiValues"/>). Properties become camelCase keys,
/// nulls are dropped, dictionary keys (labels, annotations, catalog file names) are kept exactly.
/// </summary>
internal static class HelmValues
{
    /// <summary>How typed records become JSON here and in generated config files (<see cref="Kube.ConfigFile"/>).</summary>
    // Reflection-based on purpose: the CDK app runs under the JIT, and values records are not serialized anywhere else.
    public static readonly JsonSerializerOptions Json = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Dictionary<string, object> From(object values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return JsonSerializer.SerializeToNode(values, values.GetType(), Json) is JsonObject node
            ? JsiiValues.From(node)
            : throw new ArgumentException($"{values.GetType().Name} does not serialize to an object", nameof(values));
    }
}
