namespace Dqe.Core.Chaos.Handlers;

/// <summary>Rollback retried its budget and the cluster still holds run objects; the sweeper takes over after expiry.</summary>
public sealed class ChaosRollbackIncompleteException : Exception
{
    public ChaosRollbackIncompleteException()
    {
    }

    public ChaosRollbackIncompleteException(string message)
        : base(message)
    {
    }

    public ChaosRollbackIncompleteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
