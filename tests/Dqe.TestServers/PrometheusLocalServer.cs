using System.Text.Json.Nodes;
using Dqe.TestServers.Hosting;

namespace Dqe.TestServers;

/// <summary>
/// A real Prometheus (Debian's <c>prometheus</c> binary) on a free loopback port with no scrape targets and a
/// temp TSDB: enough for instant queries of constant expressions (<c>vector(0.05)</c>) and recording rules.
/// </summary>
public sealed class PrometheusLocalServer : IAsyncDisposable
{
    private readonly LocalProcess _process;

    private PrometheusLocalServer(LocalProcess process) => _process = process;

    public Uri BaseUri => _process.BaseUri;

    /// <param name="ports">Where the port comes from; null = a free one (chosen afresh when a parallel test took it first).</param>
    public static async Task<PrometheusLocalServer> StartAsync(ILoopbackPorts? ports = null)
    {
        var options = new LocalProcessOptions
        {
            Binary = "/usr/bin/prometheus",
            Package = "prometheus",
            Prepare = (root, chosen) =>
            {
                var config = Path.Combine(root, "prometheus.yml");
                File.WriteAllText(config, "global:\n  scrape_interval: 1m\n  evaluation_interval: 1m\nscrape_configs: []\n");
                return [$"--config.file={config}", $"--web.listen-address=127.0.0.1:{chosen[0]}", $"--storage.tsdb.path={Path.Combine(root, "data")}", "--log.level=warn"];
            },
            ReadyAsync = IsReadyAsync,
        };
        return new PrometheusLocalServer(await LocalProcess.StartAsync(options, ports).ConfigureAwait(false));
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>Ready, and it is this Prometheus that answers (its TSDB is ours), not another test's on the same port.</summary>
    private static async Task<bool> IsReadyAsync(HttpClient client, LocalProcess server)
    {
        using var ready = await client.GetAsync(new Uri(server.BaseUri, "-/ready")).ConfigureAwait(false);
        if (!ready.IsSuccessStatusCode)
        {
            return false;
        }

        var flags = JsonNode.Parse(await client.GetStringAsync(new Uri(server.BaseUri, "api/v1/status/flags")).ConfigureAwait(false));
        return (string?)flags?["data"]?["storage.tsdb.path"] == Path.Combine(server.Root, "data");
    }
}
