using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dqe.TestServers;

/// <summary>
/// A real Prometheus (Debian's <c>prometheus</c> binary) on a free loopback port with no scrape targets and a
/// temp TSDB: enough for instant queries of constant expressions (<c>vector(0.05)</c>) and recording rules.
/// </summary>
public sealed class PrometheusLocalServer : IAsyncDisposable
{
    private const string Binary = "/usr/bin/prometheus";
    private readonly Process _process;
    private readonly string _root;

    private PrometheusLocalServer(Process process, string root, Uri uri)
    {
        _process = process;
        _root = root;
        BaseUri = uri;
    }

    public Uri BaseUri { get; }

    public static async Task<PrometheusLocalServer> StartAsync()
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is not installed. Run scripts/setup.sh or: sudo apt-get install -y prometheus");
        }

        var root = Directory.CreateTempSubdirectory("dqe-prometheus-").FullName;
        var port = FreePort();
        var config = Path.Combine(root, "prometheus.yml");
        File.WriteAllText(config, "global:\n  scrape_interval: 1m\n  evaluation_interval: 1m\nscrape_configs: []\n");
        var start = new ProcessStartInfo(Binary)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { $"--config.file={config}", $"--web.listen-address=127.0.0.1:{port}", $"--storage.tsdb.path={Path.Combine(root, "data")}", "--log.level=warn" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Binary}.");
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new PrometheusLocalServer(process, root, new Uri($"http://127.0.0.1:{port}/"));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var ready = await client.GetAsync(new Uri(server.BaseUri, "-/ready")).ConfigureAwait(false);
                if (ready.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            // Waiting for an external process to come up; no logic under test depends on this delay.
            await Task.Delay(100).ConfigureAwait(false);
        }

        await server.DisposeAsync().ConfigureAwait(false);
        throw new InvalidOperationException($"{Binary} was not ready on port {port} within 60 s:\n{string.Join('\n', log.TakeLast(20))}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying process; the temp dir is cleaned by the OS later.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
