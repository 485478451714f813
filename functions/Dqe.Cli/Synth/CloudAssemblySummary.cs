using System.Text.Json;

namespace Dqe.Cli.Synth;

/// <summary>What one synthesized stack contains: resource counts by type and the Helm charts it installs.</summary>
internal sealed record StackSummary(string Name, string TemplateFile, int ResourceCount,
    IReadOnlyList<KeyValuePair<string, int>> ResourcesByType, IReadOnlyList<string> HelmCharts);

/// <summary>Reads a CDK cloud assembly (cdk.out) and summarizes its stacks, nested stacks included.</summary>
internal static class CloudAssemblySummary
{
    public static IReadOnlyList<StackSummary> Read(string assemblyDirectory) =>
        [.. Stacks(assemblyDirectory).Select(s => Summarize(s.Name, assemblyDirectory, s.TemplateFile))];

    /// <summary>The stacks of a cloud assembly: name, template file (relative) and region ("" when env-agnostic).</summary>
    public static IReadOnlyList<(string Name, string TemplateFile, string Region)> Stacks(string assemblyDirectory)
    {
        var manifestPath = Path.Combine(assemblyDirectory, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"no cloud assembly at '{assemblyDirectory}' (manifest.json missing): run 'npx cdk synth' first");
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        var stacks = new List<(string, string, string)>();
        foreach (var artifact in manifest.RootElement.GetProperty("artifacts").EnumerateObject())
        {
            if (artifact.Value.GetProperty("type").GetString() != "aws:cloudformation:stack")
            {
                continue;
            }

            var templateFile = artifact.Value.GetProperty("properties").GetProperty("templateFile").GetString()!;
            // "aws://ACCOUNT/REGION"; unknown-account and unknown-region placeholders are kept as they are.
            var environment = artifact.Value.TryGetProperty("environment", out var env) ? env.GetString() ?? "" : "";
            stacks.Add((artifact.Name, templateFile, environment.Split('/').LastOrDefault() ?? ""));
        }

        return stacks;
    }

    private static StackSummary Summarize(string name, string directory, string templateFile)
    {
        var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var charts = new List<string>();
        Count(Path.Combine(directory, templateFile), directory, byType, charts, depth: 0);
        return new StackSummary(name, templateFile, byType.Values.Sum(), [.. byType], charts);
    }

    private static void Count(string templatePath, string directory, SortedDictionary<string, int> byType, List<string> charts, int depth)
    {
        using var template = JsonDocument.Parse(File.ReadAllText(templatePath));
        if (!template.RootElement.TryGetProperty("Resources", out var resources))
        {
            return;
        }

        foreach (var resource in resources.EnumerateObject())
        {
            var type = resource.Value.GetProperty("Type").GetString() ?? "?";
            byType[type] = byType.GetValueOrDefault(type) + 1;
            var hasProperties = resource.Value.TryGetProperty("Properties", out var properties);
            if (type == "Custom::AWSCDK-EKS-HelmChart" && hasProperties)
            {
                charts.Add($"{Text(properties, "Chart")} {Text(properties, "Version")} -> namespace {Text(properties, "Namespace")}");
            }

            // Nested stacks (e.g. the kubectl provider) are synthesized as sibling templates.
            if (type == "AWS::CloudFormation::Stack" && depth < 3
                && resource.Value.TryGetProperty("Metadata", out var metadata)
                && metadata.TryGetProperty("aws:asset:path", out var nestedPath)
                && File.Exists(Path.Combine(directory, nestedPath.GetString()!)))
            {
                Count(Path.Combine(directory, nestedPath.GetString()!), directory, byType, charts, depth + 1);
            }
        }
    }

    private static string Text(JsonElement properties, string name) =>
        properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "-";
}
