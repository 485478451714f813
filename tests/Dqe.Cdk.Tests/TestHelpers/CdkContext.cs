using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dqe.Cdk.Tests.TestHelpers;

/// <summary>The repository's real cdk.json context, so tests synthesize exactly what `cdk synth` would.</summary>
internal static class CdkContext
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A fresh, mutable copy of cdk.json's "context" object.</summary>
    public static JsonObject Load() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "cdk.json")))!["context"]!.AsObject().DeepClone().AsObject();

    /// <summary>Sets dotted <paramref name="key"/> of one environment's section to raw JSON, creating objects on the way.</summary>
    public static void Set(JsonObject context, string env, string key, string json)
    {
        ArgumentNullException.ThrowIfNull(context);
        var node = context["dqe:environments"]![env]!.AsObject();
        var parts = key.Split('.');
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = JsonNode.Parse(json);
    }

    /// <summary>Converts JSON into the plain dictionaries/arrays/primitives jsii accepts as context values.</summary>
    public static Dictionary<string, object> ToJsii(JsonObject context) =>
        context.ToDictionary(p => p.Key, p => ToJsii(p.Value)!);

    private static object? ToJsii(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => ToJsii(o),
        JsonArray a => a.Select(ToJsii).ToArray(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => node.GetValue<double>(),
    };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "cdk.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cdk.json not found above the test output folder");
    }
}
