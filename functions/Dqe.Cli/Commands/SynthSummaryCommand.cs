using System.CommandLine;
using Dqe.Cli.Synth;

namespace Dqe.Cli.Commands;

internal static class SynthSummaryCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("cdk-out") { Description = "The cloud assembly directory written by 'cdk synth'." };
        directory.DefaultValueFactory = _ => new DirectoryInfo("cdk.out");
        var command = new Command("synth-summary", "Summarize a synthesized cloud assembly: stacks, resources, Helm charts.") { directory };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            IReadOnlyList<StackSummary> stacks;
            try
            {
                stacks = CloudAssemblySummary.Read(parse.GetRequiredValue(directory).FullName);
            }
            catch (Exception e) when (e is IOException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"dqe: {e.Message}");
                return 1;
            }

            foreach (var stack in stacks)
            {
                output.WriteLine($"{stack.Name}  ({stack.ResourceCount} resources, {stack.TemplateFile})");
                foreach (var (type, count) in stack.ResourcesByType)
                {
                    output.WriteLine($"  {count,4}  {type}");
                }

                foreach (var chart in stack.HelmCharts)
                {
                    output.WriteLine($"  helm  {chart}");
                }
            }

            output.WriteLine($"{stacks.Count} stack(s) in {parse.GetRequiredValue(directory).FullName}");
            return 0;
        });
        return command;
    }
}
