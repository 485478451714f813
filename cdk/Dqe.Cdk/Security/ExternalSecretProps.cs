namespace Dqe.Cdk.Security;

/// <param name="Namespace">Namespace of the Kubernetes secret (must exist before the sync applies).</param>
/// <param name="Name">Name of the Kubernetes secret (and of the ExternalSecret).</param>
/// <param name="Data">The keys to copy.</param>
public sealed record ExternalSecretProps(string Namespace, string Name, IReadOnlyList<SyncedKey> Data)
{
    /// <summary>ClusterSecretStore to read from; default the Secrets Manager store of <see cref="SecretsOperator"/>.</summary>
    public string Store { get; init; } = SecretsOperator.AwsStore;

    /// <summary>Optional template (engine v2) of the target secret's keys; null copies <see cref="Data"/> as is.</summary>
    public IReadOnlyDictionary<string, string>? Template { get; init; }

    /// <summary>How often the operator re-reads the remote secret: a rotated value reaches the cluster within this.</summary>
    public string RefreshInterval { get; init; } = "1h";
}
