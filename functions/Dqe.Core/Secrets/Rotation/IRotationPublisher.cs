namespace Dqe.Core.Secrets.Rotation;

/// <summary>Makes the engines pick up the secret's AWSCURRENT now instead of at the next hourly External Secrets refresh.</summary>
public interface IRotationPublisher
{
    /// <summary>
    /// Forces the ExternalSecrets of <paramref name="engines"/> to re-sync and, when ClickHouse is one of them, the
    /// ClickHouse operator to re-render users; <paramref name="reason"/> marks the request.
    /// </summary>
    Task PublishAsync(string reason, IReadOnlySet<RotationEngine> engines, CancellationToken cancellationToken);
}
