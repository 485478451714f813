using System.CommandLine;
using Dqe.Cli.Chaos;
using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Cluster;
using Dqe.Core.Chaos.Execution;

namespace Dqe.Cli.Commands;

/// <summary>`dqe chaos run FILE [--dry-run] [--kubeconfig K]`.</summary>
internal static class ChaosRunCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The campaign file (YAML or JSON)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the Chaos Mesh objects and node actions the run would create; create nothing." };
        var kubeconfig = new Option<FileInfo?>("--kubeconfig") { Description = "Kubeconfig to use (default: $KUBECONFIG or ~/.kube/config)." };
        var command = new Command("run", "Run a campaign against a cluster from this machine (rollback guaranteed on exit).") { file, dryRun, kubeconfig };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!ChaosCommand.TryLoad(parse.GetRequiredValue(file), error, out var campaign))
            {
                return 1;
            }

            try
            {
                var config = k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(parse.GetValue(kubeconfig)?.FullName);
                var cluster = KubernetesChaosCluster.Create(() => new k8s.Kubernetes(config));
                var run = new LocalChaosRun(new ChaosService(cluster, TimeProvider.System, new ChaosOptions()), TimeProvider.System, parse.InvocationConfiguration.Output);
                var runId = LocalChaosRun.NewRunId(TimeProvider.System);
                return parse.GetValue(dryRun)
                    ? await run.DryRunAsync(campaign, runId, cancellationToken).ConfigureAwait(false)
                    : await run.RunAsync(campaign, runId, cancellationToken).ConfigureAwait(false);
            }
            catch (CampaignException e)
            {
                foreach (var problem in e.Errors)
                {
                    error.WriteLine($"dqe: refused: {problem.Path}: {problem.Message}");
                }

                return 1;
            }
            catch (Exception e) when (e is ChaosLockedException or k8s.Exceptions.KubeConfigException or HttpRequestException or k8s.Autorest.HttpOperationException)
            {
                error.WriteLine($"dqe: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
