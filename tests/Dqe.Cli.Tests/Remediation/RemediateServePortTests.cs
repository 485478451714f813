using System.Net;
using System.Net.Sockets;
using Dqe.Cli.Tests.TestHelpers;
using Dqe.TestServers.Hosting;

namespace Dqe.Cli.Tests.Remediation;

/// <summary>The test helper that runs `dqe remediate serve` on a fixed port: a port taken first means another one.</summary>
public sealed class RemediateServePortTests
{
    [Fact]
    public async Task StartAsync_ChosenPortTaken_ServesOnAnotherPort()
    {
        var tokenFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(tokenFile, "port-test-token");
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var ports = new ScriptedLoopbackPorts([port]);

            await using var serve = await RemediateServe.StartAsync(tokenFile, TextWriter.Null, ports);

            Assert.Equal(2, ports.Handed.Count);
            Assert.NotEqual(port, serve.Uri.Port);
            Assert.Equal(ports.Handed[1][0], serve.Uri.Port);
            using var http = new HttpClient();
            Assert.Equal("[]", await http.GetStringAsync(new Uri(serve.Uri, "v1/audit")));
            Assert.Equal(0, await serve.StopAsync());
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }
}
