using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dqe.Cdk.Config;

/// <summary>
/// Builds the typed <see cref="DqeConfig"/> for the environment named by the <c>env</c> context key:
/// <c>dqe:defaults</c> deep-merged with <c>dqe:environments.&lt;env&gt;</c>, then validated once.
/// </summary>
public static class ConfigLoader
{
    public const string EnvKey = "env";
    public const string DefaultsKey = "dqe:defaults";
    public const string EnvironmentsKey = "dqe:environments";

    /// <param name="tryGetContext">CDK context lookup (App.Node.TryGetContext); values are JSON-shaped objects.</param>
    public static DqeConfig Load(Func<string, object?> tryGetContext)
    {
        ArgumentNullException.ThrowIfNull(tryGetContext);
        var environments = ToNode(tryGetContext(EnvironmentsKey)) as JsonObject
            ?? throw new ConfigException($"cdk.json context has no '{EnvironmentsKey}' object: nothing to synthesize");
        var valid = string.Join(", ", environments.Select(e => e.Key).Order(StringComparer.Ordinal));

        if (tryGetContext(EnvKey) is not string envName || envName.Length == 0)
        {
            throw new ConfigException($"no environment selected: pass -c env=NAME, one of: {valid}");
        }

        if (!environments.TryGetPropertyValue(envName, out var envNode) || envNode is not JsonObject envObject)
        {
            throw new ConfigException($"unknown environment '{envName}': valid environments are {valid}");
        }

        var merged = ToNode(tryGetContext(DefaultsKey)) as JsonObject ?? [];
        Merge(merged, envObject);

        DqeConfig config;
        try
        {
            config = merged.Deserialize<DqeConfig>(ContextJson.Config)
                ?? throw new ConfigException($"env '{envName}': configuration is empty");
        }
        catch (JsonException e)
        {
            throw new ConfigException($"env '{envName}': invalid configuration at {KeyOf(e.Path)}: {FirstSentence(e.Message)}");
        }

        config = config with { Env = envName };
        var errors = ConfigValidator.Validate(config);
        return errors.Count == 0
            ? config
            : throw new ConfigException($"env '{envName}': {string.Join("; ", errors)}");
    }

    internal static JsonNode? ToNode(object? contextValue) => contextValue switch
    {
        null => null,
        string s when s.TrimStart().StartsWith('{') => JsonNode.Parse(s),
        JsonNode node => node,
        // jsii hands context objects over as dictionaries/arrays of primitives.
        _ => JsonSerializer.SerializeToNode(contextValue, contextValue.GetType(), ContextJson.Options),
    };

    /// <summary>Deep-merges <paramref name="overrides"/> into <paramref name="target"/>: objects merge, everything else replaces.</summary>
    internal static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides)
        {
            if (value is JsonObject child && target[key] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }

    private static string KeyOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "the top level" : path.TrimStart('$', '.');

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
