namespace Dqe.Core.Secrets.Rotation;

/// <summary>
/// The Grafana side of a rotation. Grafana (no persistence) creates its database at every start and sets the admin
/// password from its Kubernetes secret then, so a new password takes effect only through a restart, and only once the
/// secret holds it. The API server's proxy cannot carry Grafana's basic auth (the bearer token authenticator consumes
/// the Authorization header), so what is checked is the cluster: the secret's value and the Deployment's rollout.
/// </summary>
public interface IGrafanaRestart
{
    /// <summary>Null when Grafana's Kubernetes secret holds <paramref name="password"/>; otherwise why not (never the value).</summary>
    Task<string?> SecretHoldsAsync(string password, CancellationToken cancellationToken);

    /// <summary>Restarts the Deployment as <c>kubectl rollout restart</c> does; returns the generation the restart gave it.</summary>
    Task<long> RestartAsync(CancellationToken cancellationToken);

    /// <summary>Null when the rollout of <paramref name="generation"/> has completed (every replica updated and ready); otherwise its state.</summary>
    Task<string?> RolloutCompleteAsync(long generation, CancellationToken cancellationToken);
}
