using System.Net;
using System.Net.Sockets;
using Dqe.TestServers.Hosting;

namespace Dqe.Core.Tests.TestServers;

public sealed class LoopbackPortsTests
{
    [Fact]
    public void Choose_ThreePorts_DistinctAndFreeToBind()
    {
        var ports = FreeLoopbackPorts.Instance.Choose(3);

        Assert.Equal(3, ports.Distinct().Count());
        var listeners = ports.Select(p => new TcpListener(IPAddress.Loopback, p)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    [Fact]
    public async Task ClosedPort_Connect_IsRefused()
    {
        using var closed = new ClosedLoopbackPort();
        using var client = new TcpClient();

        var error = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, closed.Port));

        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
        Assert.Equal(new Uri($"http://127.0.0.1:{closed.Port}/"), closed.Uri);
    }

    [Fact]
    public void ClosedPort_WhileHeld_NobodyElseCanListenThere()
    {
        using var closed = new ClosedLoopbackPort();
        var listener = new TcpListener(IPAddress.Loopback, closed.Port);

        var error = Assert.Throws<SocketException>(listener.Start);

        Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketErrorCode);
    }
}
