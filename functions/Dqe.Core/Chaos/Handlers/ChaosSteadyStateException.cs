namespace Dqe.Core.Chaos.Handlers;

/// <summary>Steady state did not hold before injection: the run stops with nothing created.</summary>
public sealed class ChaosSteadyStateException : Exception
{
    public ChaosSteadyStateException()
    {
    }

    public ChaosSteadyStateException(string message)
        : base(message)
    {
    }

    public ChaosSteadyStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
