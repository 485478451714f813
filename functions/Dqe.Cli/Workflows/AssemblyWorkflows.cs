using System.Text.Json.Nodes;
using Dqe.Cli.Synth;
using Dqe.Workflows.Local;

namespace Dqe.Cli.Workflows;

/// <summary>Finds a workflow's synthesized, resolved definition in a cloud assembly (cdk.out).</summary>
internal static class AssemblyWorkflows
{
    public static IReadOnlyList<LocalWorkflow> All(string assemblyDirectory)
    {
        var workflows = new List<LocalWorkflow>();
        foreach (var (_, templateFile, region) in CloudAssemblySummary.Stacks(assemblyDirectory))
        {
            var template = JsonNode.Parse(File.ReadAllText(Path.Combine(assemblyDirectory, templateFile)))!.AsObject();
            workflows.AddRange(AslExtractor.Extract(template, region.StartsWith("unknown", StringComparison.Ordinal) ? "eu-west-1" : region));
        }

        return workflows;
    }

    /// <summary>The state machine dqe-ENV-NAME, or an error that says how to produce it.</summary>
    public static LocalWorkflow Find(string assemblyDirectory, string env, string name)
    {
        var all = All(assemblyDirectory);
        var wanted = $"dqe-{env}-{name}";
        return all.FirstOrDefault(w => w.Name == wanted)
            ?? throw new InvalidOperationException(all.Count == 0
                ? $"no state machines in {assemblyDirectory}: run 'npx cdk synth -c env={env}' first"
                : $"no state machine '{wanted}' in {assemblyDirectory} (found: {string.Join(", ", all.Select(w => w.Name))}); synthesize with -c env={env}");
    }
}
