using System.Net;
using System.Net.Sockets;

namespace Dqe.TestServers.Hosting;

/// <summary>
/// Ports the kernel hands out for 127.0.0.1:0, all held open together while chosen so they are distinct. They are
/// released before the process binds them, so another test can take one in between: pair with <see cref="LoopbackPortRetry"/>.
/// </summary>
public sealed class FreeLoopbackPorts : ILoopbackPorts
{
    public static FreeLoopbackPorts Instance { get; } = new();

    public IReadOnlyList<int> Choose(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
