namespace Dqe.Core.Secrets.Rotation;

/// <summary>Makes the engines pick up the secret's AWSCURRENT now instead of at the next hourly External Secrets refresh.</summary>
public interface IRotationPublisher
{
    /// <summary>Forces the ExternalSecrets built from the secret to re-sync and the ClickHouse operator to re-render users; <paramref name="reason"/> marks the request.</summary>
    Task PublishAsync(string reason, CancellationToken cancellationToken);
}
