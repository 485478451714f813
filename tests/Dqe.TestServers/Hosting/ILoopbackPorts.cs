namespace Dqe.TestServers.Hosting;

/// <summary>Where a launcher gets the 127.0.0.1 ports it gives a process that binds them itself.</summary>
public interface ILoopbackPorts
{
    /// <summary><paramref name="count"/> distinct ports, free when chosen.</summary>
    IReadOnlyList<int> Choose(int count);
}
