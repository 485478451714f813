namespace Dqe.TestServers.Hosting;

/// <summary>For tests of the launchers: hands out the given port sets first (e.g. a taken one), then free ones; records every set handed out.</summary>
public sealed class ScriptedLoopbackPorts(params IReadOnlyList<int>[] first) : ILoopbackPorts
{
    private readonly Queue<IReadOnlyList<int>> _first = new(first);

    public List<IReadOnlyList<int>> Handed { get; } = [];

    public IReadOnlyList<int> Choose(int count)
    {
        var ports = _first.TryDequeue(out var scripted) ? scripted : FreeLoopbackPorts.Instance.Choose(count);
        Handed.Add(ports);
        return ports;
    }
}
