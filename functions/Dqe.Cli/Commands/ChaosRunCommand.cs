using System.CommandLine;

namespace Dqe.Cli.Commands;

/// <summary>`dqe chaos run FILE [--dry-run] [--kubeconfig K]`.</summary>
internal static class ChaosRunCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The campaign file (YAML or JSON)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the Chaos Mesh objects and node actions the run would create; create nothing." };
        var kubeconfig = new Option<FileInfo?>("--kubeconfig") { Description = "Kubeconfig to use (default: $KUBECONFIG or ~/.kube/config)." };
        var command = new Command("run", "Run a campaign against a cluster from this machine.") { file, dryRun, kubeconfig };
        command.SetAction(parse =>
        {
            if (!ChaosCommand.TryLoad(parse.GetRequiredValue(file), parse.InvocationConfiguration.Error, out _))
            {
                return 1;
            }

            parse.InvocationConfiguration.Error.WriteLine("dqe: chaos run is not implemented yet");
            return 2;
        });
        return command;
    }
}
