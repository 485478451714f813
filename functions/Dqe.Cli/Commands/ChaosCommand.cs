using System.CommandLine;
using Dqe.Core.Chaos.Campaigns;

namespace Dqe.Cli.Commands;

/// <summary>`dqe chaos validate|run`: the same campaign files the chaos workflow runs.</summary>
internal static class ChaosCommand
{
    public static Command Create()
    {
        var command = new Command("chaos", "Chaos campaigns: validate a campaign file, or run it from this machine.")
        {
            CreateValidate(),
            ChaosRunCommand.Create(),
        };
        return command;
    }

    private static Command CreateValidate()
    {
        var file = new Argument<FileInfo>("file") { Description = "The campaign file (YAML or JSON)." };
        var command = new Command("validate", "Check a campaign file: schema, blast radius, selectors, durations. Creates nothing.") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file);
            if (!TryLoad(path, parse.InvocationConfiguration.Error, out var campaign))
            {
                return 1;
            }

            var radius = campaign.EffectiveBlastRadius;
            parse.InvocationConfiguration.Output.WriteLine(
                $"{path.Name}: campaign '{campaign.Name}' is valid: {campaign.Faults.Count} fault(s) on {campaign.Target.Namespace} for {campaign.Duration}, "
                + $"{campaign.SteadyState.Probes.Count} probe(s), blast radius {radius.MaxPods} pod(s) / {radius.MaxNodes} node(s) / {radius.MaxPercent}%");
            return 0;
        });
        return command;
    }

    internal static bool TryLoad(FileInfo path, TextWriter error, out ChaosCampaign campaign)
    {
        campaign = null!;
        try
        {
            campaign = CampaignLoader.LoadFile(path.FullName);
            return true;
        }
        catch (IOException e)
        {
            error.WriteLine($"dqe: cannot read {path.FullName}: {e.Message}");
        }
        catch (CampaignException e)
        {
            error.WriteLine($"dqe: {path.Name} is not a valid campaign ({e.Errors.Count} error(s)):");
            foreach (var problem in e.Errors)
            {
                error.WriteLine($"  {problem.Path}: {problem.Message}");
            }
        }

        return false;
    }
}
