using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dqe.Cdk.Platform;

/// <summary>
/// Converts JSON into the plain dictionaries, arrays and primitives jsii passes to CDK (Helm values, Kubernetes
/// manifests, rule inputs). Null properties and array items are dropped: to Helm a null value deletes the chart's
/// default, which no absent optional field means. Whole numbers stay integers, because Helm templates compare
/// replicas, ports and sizes as ints; dictionary keys are kept exactly.
/// </summary>
internal static class JsiiValues
{
    public static Dictionary<string, object> From(JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in node)
        {
            if (value is not null)
            {
                result[key] = From(value);
            }
        }

        return result;
    }

    public static object From(JsonNode node) => node switch
    {
        JsonObject o => From(o),
        JsonArray a => a.Where(item => item is not null).Select(item => From(item!)).ToArray(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => Number(v),
        },
        _ => throw new ArgumentException($"unsupported JSON node {node?.GetType().Name}", nameof(node)),
    };

    private static object Number(JsonValue value)
    {
        // Parsed and serialized nodes wrap a JsonElement; nodes built in code wrap the CLR number (int, long,
        // double, decimal), which is read back from its JSON text so every kind lands on the same rule.
        var element = value.TryGetValue<JsonElement>(out var wrapped) ? wrapped : JsonElement.Parse(value.ToJsonString());
        // One return per kind: a conditional expression would widen every number to double.
        if (element.TryGetInt32(out var i))
        {
            return i;
        }

        if (element.TryGetInt64(out var l))
        {
            return l;
        }

        return element.GetDouble();
    }
}
