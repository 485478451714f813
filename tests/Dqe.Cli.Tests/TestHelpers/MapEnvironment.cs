using Dqe.Core.Hosting;

namespace Dqe.Cli.Tests.TestHelpers;

/// <summary>An in-memory function environment, so a local workflow run gets engine URLs without touching the process's variables.</summary>
internal sealed class MapEnvironment(IReadOnlyDictionary<string, string> values) : IFunctionEnvironment
{
    private readonly Dictionary<string, string?> _values = values.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.Ordinal);

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public void Set(string name, string? value) => _values[name] = value;
}
