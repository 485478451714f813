using System.Net;
using System.Net.Sockets;
using Dqe.TestServers.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dqe.Core.Tests.TestServers;

public sealed class LoopbackServerTests
{
    [Fact]
    public async Task StartAsync_MappedRoute_ServedOnTheBoundLoopbackPort()
    {
        var server = await LoopbackServer.StartAsync(host => host, (_, app) => app.MapGet("/hello", () => "hi"));
        await using (server)
        {
            using var http = new HttpClient();

            Assert.Equal("hi", await http.GetStringAsync(new Uri(server.BaseUri, "hello")));
            Assert.Equal("127.0.0.1", server.BaseUri.Host);
            Assert.NotEqual(0, server.BaseUri.Port);
            Assert.Equal("/", server.BaseUri.AbsolutePath);
        }
    }

    [Fact]
    public async Task StartAsync_TwoServers_EachOnItsOwnPort()
    {
        await using var one = await LoopbackServer.StartAsync(host => host, (_, app) => app.MapGet("/", () => "one"));
        await using var two = await LoopbackServer.StartAsync(host => host, (_, app) => app.MapGet("/", () => "two"));
        using var http = new HttpClient();

        Assert.NotEqual(one.BaseUri, two.BaseUri);
        Assert.Equal("one", await http.GetStringAsync(one.BaseUri));
        Assert.Equal("two", await http.GetStringAsync(two.BaseUri));
    }

    [Fact]
    public async Task DisposeAsync_StopsListening()
    {
        var server = await LoopbackServer.StartAsync(host => host, (_, app) => app.Run(context => context.Response.WriteAsync("ok")));
        var port = server.BaseUri.Port;

        await server.DisposeAsync();

        using var client = new TcpClient();
        var error = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }
}
