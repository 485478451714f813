using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Security;

namespace Dqe.Cdk.Observability;

/// <summary>
/// The observability stack's use of the shared External Secrets operator: grants it read of this stack's secrets
/// (nothing else) and materialises keys of them as Kubernetes secrets with <see cref="Sync"/>.
/// </summary>
public sealed class SecretsSync : Construct
{
    private readonly SecretsOperator _operator;
    private readonly IDependable _namespaces;

    public SecretsSync(Construct scope, string id, SecretsSyncProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        _operator = props.Operator;
        _namespaces = props.Namespaces;
        foreach (var secret in props.Secrets)
        {
            _operator.GrantRead(this, secret);
        }
    }

    /// <summary>
    /// A Kubernetes secret <paramref name="name"/> in <paramref name="ns"/> whose keys come from Secrets Manager:
    /// each entry maps a Kubernetes key to (secret name, JSON property).
    /// </summary>
    public KubernetesManifest Sync(string id, string ns, string name, IReadOnlyDictionary<string, (string Secret, string Property)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var manifest = _operator.Sync(this, id, new ExternalSecretProps(ns, name, [.. keys.Select(k => new SyncedKey(k.Key, k.Value.Secret, k.Value.Property))]));
        manifest.Node.AddDependency(_namespaces);
        return manifest;
    }
}
