using System.Net;
using System.Net.Sockets;

namespace Dqe.TestServers.Hosting;

/// <summary>
/// A 127.0.0.1 port where nothing listens, for "unreachable endpoint" tests: bound without listening, so a connect
/// is refused, and held until disposed, so no parallel test can start listening there meanwhile.
/// </summary>
public sealed class ClosedLoopbackPort : IDisposable
{
    // .NET's bind sets SO_REUSEADDR on sockets created as ProtocolType.Tcp (Linux), and two such sockets may share a
    // port while neither listens: a Kestrel or TcpListener could then take it. Protocol 0 is TCP for a stream socket
    // all the same, but bound without SO_REUSEADDR, so every other bind of the port fails while it is held.
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Unspecified);

    public ClosedLoopbackPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        Uri = new Uri($"http://127.0.0.1:{Port}/");
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Uri { get; }

    public void Dispose() => _socket.Dispose();
}
