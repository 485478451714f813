using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Dqe.Cdk.Engines;

/// <summary>
/// Turns typed values records (and anonymous objects for manifests) into the plain dictionaries, arrays and
/// primitives that jsii passes to Helm and kubectl. Properties become camelCase keys, nulls are dropped,
/// dictionary keys (labels, annotations, catalog file names) are kept exactly.
/// </summary>
internal static class HelmValues
{
    // Reflection-based on purpose: the CDK app runs under the JIT, and values records are not serialized anywhere else.
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static Dictionary<string, object> From(object values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return JsonSerializer.SerializeToNode(values, values.GetType(), Options) is JsonObject node
            ? ToDictionary(node)
            : throw new ArgumentException($"{values.GetType().Name} does not serialize to an object", nameof(values));
    }

    private static Dictionary<string, object> ToDictionary(JsonObject node)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in node)
        {
            if (value is not null)
            {
                result[key] = ToPlain(value);
            }
        }

        return result;
    }

    private static object ToPlain(JsonNode node) => node switch
    {
        JsonObject o => ToDictionary(o),
        JsonArray a => a.Where(item => item is not null).Select(item => ToPlain(item!)).ToArray(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ when v.TryGetValue<int>(out var i) => i,
            _ when v.TryGetValue<long>(out var l) => l,
            _ => v.GetValue<double>(),
        },
        _ => throw new ArgumentException($"unsupported JSON node {node.GetType().Name}", nameof(node)),
    };
}
