namespace Dqe.Core.Hosting;

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironment : IFunctionEnvironment
{
    public string? Get(string name) => Environment.GetEnvironmentVariable(name);

    public void Set(string name, string? value) => Environment.SetEnvironmentVariable(name, value);
}
