using System.Net;
using System.Net.Sockets;
using Dqe.TestServers;
using Dqe.TestServers.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dqe.Core.Tests.TestServers;

/// <summary>The process launcher with real binaries (prometheus, clickhouse-server): a port taken before the process binds it.</summary>
public sealed class LocalProcessTests
{
    [Fact]
    public async Task Prometheus_ChosenPortTaken_StartsOnAnotherPort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var ports = new ScriptedLoopbackPorts([port]);

        await using var prometheus = await PrometheusLocalServer.StartAsync(ports);

        Assert.Equal(2, ports.Handed.Count);
        Assert.NotEqual(port, prometheus.BaseUri.Port);
        Assert.Equal(ports.Handed[1][0], prometheus.BaseUri.Port);
        using var http = new HttpClient();
        Assert.Contains("\"status\":\"success\"", await http.GetStringAsync(new Uri(prometheus.BaseUri, "api/v1/query?query=vector(1)")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prometheus_ChosenPortServedByAnotherPrometheus_NotTakenForItsOwn()
    {
        // Another test's server on the port answers ready, but with its own TSDB: ours failed to bind and must retry.
        await using var other = await LoopbackServer.StartAsync(host => host, (_, app) =>
        {
            app.MapGet("/-/ready", () => "Prometheus Server is Ready.");
            app.MapGet("/api/v1/status/flags", () => Results.Text("""{"status":"success","data":{"storage.tsdb.path":"/tmp/someone-else/data"}}""", "application/json"));
        });
        var ports = new ScriptedLoopbackPorts([other.BaseUri.Port]);

        await using var prometheus = await PrometheusLocalServer.StartAsync(ports);

        Assert.Equal(2, ports.Handed.Count);
        Assert.NotEqual(other.BaseUri.Port, prometheus.BaseUri.Port);
    }

    [Fact]
    public async Task ClickHouse_HttpPortTaken_StartsOnAFreshSet()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var ports = new ScriptedLoopbackPorts([port, .. FreeLoopbackPorts.Instance.Choose(2)]);

        await using var clickhouse = await ClickHouseLocalServer.StartAsync(0, _ => new Dictionary<string, string>(), ports: ports);

        Assert.Equal(2, ports.Handed.Count);
        Assert.Equal(ports.Handed[1][0], clickhouse.HttpUri.Port);
        Assert.Equal(ports.Handed[1][2], clickhouse.InterserverPort);
        using var http = new HttpClient();
        Assert.Equal("Ok.\n", await http.GetStringAsync(new Uri(clickhouse.HttpUri, "ping")));
    }

    [Fact]
    public async Task StartAsync_ProcessFailsForAnotherReason_NotRetriedAndLogTailInError()
    {
        var ports = new ScriptedLoopbackPorts();
        var options = new LocalProcessOptions
        {
            Binary = "/usr/bin/prometheus",
            Package = "prometheus",
            Prepare = (root, chosen) =>
            {
                File.WriteAllText(Path.Combine(root, "bad.yml"), "scrape_configs: [nonsense\n");
                return [$"--config.file={Path.Combine(root, "bad.yml")}", $"--web.listen-address=127.0.0.1:{chosen[0]}", $"--storage.tsdb.path={Path.Combine(root, "data")}"];
            },
            ReadyAsync = (_, _) => Task.FromResult(false),
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalProcess.StartAsync(options, ports));

        Assert.Single(ports.Handed);
        Assert.Matches($@"^/usr/bin/prometheus exited with code [1-9][0-9]* before it was ready at http://127\.0\.0\.1:{ports.Handed[0][0]}/\. Log tail:\n", error.Message);
        Assert.Contains("bad.yml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_BinaryMissing_FailsNamingThePackage()
    {
        var options = new LocalProcessOptions
        {
            Binary = "/usr/bin/dqe-no-such-server",
            Package = "dqe-no-such-package",
            Prepare = (_, _) => [],
            ReadyAsync = (_, _) => Task.FromResult(true),
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalProcess.StartAsync(options));

        Assert.Equal("/usr/bin/dqe-no-such-server is not installed. Run scripts/setup.sh or: sudo apt-get install -y dqe-no-such-package", error.Message);
    }
}
