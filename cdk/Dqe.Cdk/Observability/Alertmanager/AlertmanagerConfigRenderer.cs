using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Dqe.Cdk.Observability.Alertmanager;

/// <summary>Renders an <see cref="AlertmanagerConfiguration"/> as Alertmanager reads it (JSON is valid YAML).</summary>
public static class AlertmanagerConfigRenderer
{
    // Reflection-based: the CDK app runs under the JIT, and these records are serialized only, never read back.
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static JsonObject Render(AlertmanagerConfiguration config) =>
        JsonSerializer.SerializeToNode(config, Options)!.AsObject();
}
