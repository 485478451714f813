using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dqe.Cli.Tests.TestHelpers;

/// <summary>A real <c>prometheus-alertmanager</c> (Debian package) on a free loopback port, routing everything to one webhook.</summary>
internal sealed class AlertmanagerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private AlertmanagerProcess(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Api = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Api { get; }

    public static AlertmanagerProcess Start(string webhookUrl, string tokenFile)
    {
        var directory = Directory.CreateTempSubdirectory("dqe-am-").FullName;
        var config = Path.Combine(directory, "alertmanager.yml");
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
        var port = FreePort();
        var start = new ProcessStartInfo("prometheus-alertmanager")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { $"--config.file={config}", $"--storage.path={Path.Combine(directory, "data")}", $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus-alertmanager did not start");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return new AlertmanagerProcess(process, directory, port);
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
