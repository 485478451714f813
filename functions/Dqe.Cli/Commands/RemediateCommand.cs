using System.CommandLine;
using System.Text.Json;
using Dqe.Cli.Remediation;
using Dqe.Core.Remediation;
using Dqe.Core.Remediation.Actions;
using Dqe.Core.Remediation.Webhook;
using k8s;

namespace Dqe.Cli.Commands;

internal static class RemediateCommand
{
    public static Command Create() => new("remediate", "Alert-triggered auto-remediation: the Alertmanager webhook as a local server, and the runbook list.")
    {
        Serve(),
        Actions(),
        RemediateBenchCommand.Create(),
    };

    private static Command Actions()
    {
        var command = new Command("actions", "List the runbook actions an alert's `remediation` label may name, with the labels each reads.");
        command.SetAction(parse =>
        {
            var registry = new RunbookRegistry(new RemediationOptions(), new UnconfiguredEngineActions(), new UnconfiguredEngineActions());
            foreach (var runbook in registry.All.OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                var labels = runbook.TargetLabels.Count == 0 ? "-" : string.Join(",", runbook.TargetLabels);
                parse.InvocationConfiguration.Output.WriteLine($"{runbook.Name,-28} labels: {labels,-16} {runbook.Description}");
            }

            return 0;
        });
        return command;
    }

    private static Command Serve()
    {
        var port = new Option<int>("--port") { Description = "Loopback port to listen on.", Required = true };
        var tokenFile = new Option<FileInfo>("--token-file") { Description = "Valid bearer tokens, one per line (two during a rotation).", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Decide and audit, change nothing." };
        var kubeconfig = new Option<FileInfo?>("--kubeconfig") { Description = "Cluster to act on (required unless --dry-run)." };
        var command = new Command("serve", "Serve the remediation webhook (POST /v1/alerts, GET /v1/audit) on 127.0.0.1 for a real Alertmanager.")
        {
            port, tokenFile, dryRun, kubeconfig,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = new RemediationOptions { DryRun = parse.GetValue(dryRun) };
            var kube = parse.GetValue(kubeconfig);
            try
            {
                var auth = BearerTokenValidator.FromFile(parse.GetRequiredValue(tokenFile).FullName);
                IClusterActions cluster = kube is null
                    ? options.DryRun ? new UnconfiguredEngineActions() : throw new ArgumentException("--kubeconfig is required unless --dry-run")
                    : new KubernetesClusterActions(new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kube.FullName)));
                var gate = new Lock();
                void Sink(AuditRecord record)
                {
                    lock (gate)
                    {
                        output.WriteLine(JsonSerializer.Serialize(record, RemediationJsonContext.Default.AuditRecord));
                    }
                }

                var (webhook, audit) = LocalRemediation.Build(options, auth, cluster, Sink);
                var server = new RemediationServer(webhook, audit, options.MaxPayloadBytes);
                await server.RunAsync(parse.GetValue(port), line => error.WriteLine(line), cancellationToken).ConfigureAwait(false);
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or System.Net.HttpListenerException or k8s.Exceptions.KubeConfigException)
            {
                await error.WriteLineAsync($"dqe: {e.Message}").ConfigureAwait(false);
                return 2;
            }
        });
        return command;
    }
}
