namespace Dqe.Core.Chaos.Execution;

/// <summary>Another run holds the target; this one must not start.</summary>
public sealed class ChaosLockedException : Exception
{
    public ChaosLockedException()
    {
    }

    public ChaosLockedException(string message)
        : base(message)
    {
    }

    public ChaosLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
