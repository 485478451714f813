using Dqe.Core.Hosting;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>An in-memory environment; records every Set so tests can see what the host wrote.</summary>
public sealed class FakeEnvironment : IFunctionEnvironment
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public FakeEnvironment(params (string Name, string? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            _values[name] = value;
        }
    }

    public List<(string Name, string? Value)> Writes { get; } = [];

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public void Set(string name, string? value)
    {
        Writes.Add((name, value));
        _values[name] = value;
    }
}
