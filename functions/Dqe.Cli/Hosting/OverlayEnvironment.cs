using Dqe.Core.Hosting;

namespace Dqe.Cli.Hosting;

/// <summary>
/// The process environment with a few values set for the in-process handlers only (as a Lambda's function
/// configuration would set them), without touching the CLI's own environment.
/// </summary>
internal sealed class OverlayEnvironment(IFunctionEnvironment inner, IReadOnlyDictionary<string, string> values) : IFunctionEnvironment
{
    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : inner.Get(name);

    public void Set(string name, string? value) => inner.Set(name, value);
}
