namespace Dqe.Core.Chaos.Handlers;

/// <summary>An abort condition fired (or an experiment failed to inject) while faults ran; the workflow rolls back.</summary>
public sealed class ChaosAbortedException : Exception
{
    public ChaosAbortedException()
    {
    }

    public ChaosAbortedException(string message)
        : base(message)
    {
    }

    public ChaosAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
