using Dqe.TestServers.Hosting;

namespace Dqe.Cli.Tests.TestHelpers;

/// <summary>A real <c>prometheus-alertmanager</c> (Debian package) on a free loopback port, routing everything to one webhook.</summary>
internal sealed class AlertmanagerProcess : IAsyncDisposable
{
    private readonly LocalProcess _process;

    private AlertmanagerProcess(LocalProcess process) => _process = process;

    public Uri Api => _process.BaseUri;

    /// <summary>Started and ready (<c>/-/ready</c>), on a fresh port when a parallel test took the chosen one first.</summary>
    public static async Task<AlertmanagerProcess> StartAsync(string webhookUrl, string tokenFile)
    {
        var options = new LocalProcessOptions
        {
            Binary = "/usr/bin/prometheus-alertmanager",
            Package = "prometheus-alertmanager",
            Prepare = (root, ports) =>
            {
                var config = Path.Combine(root, "alertmanager.yml");
                File.WriteAllText(config, $"""
                    route:
                      receiver: dqe-remediation
                      group_by: ['...']
                      group_wait: 0s
                      group_interval: 1s
                      repeat_interval: 1h
                    receivers:
                      - name: dqe-remediation
                        webhook_configs:
                          - url: {webhookUrl}
                            send_resolved: true
                            http_config:
                              authorization:
                                credentials_file: {tokenFile}
                    """);
                return [$"--config.file={config}", $"--storage.path={Path.Combine(root, "data")}", $"--web.listen-address=127.0.0.1:{ports[0]}", "--cluster.listen-address="];
            },
            ReadyAsync = async (client, server) =>
            {
                using var ready = await client.GetAsync(new Uri(server.BaseUri, "-/ready")).ConfigureAwait(false);
                return ready.IsSuccessStatusCode;
            },
        };
        return new AlertmanagerProcess(await LocalProcess.StartAsync(options).ConfigureAwait(false));
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
