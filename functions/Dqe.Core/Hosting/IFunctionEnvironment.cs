namespace Dqe.Core.Hosting;

/// <summary>The process environment as handlers and the host read (and, for the trace id, write) it.</summary>
public interface IFunctionEnvironment
{
    string? Get(string name);

    void Set(string name, string? value);
}
