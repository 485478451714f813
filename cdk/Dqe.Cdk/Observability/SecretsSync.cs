using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Platform;
using static Dqe.Cdk.Observability.ObservabilityNames;

namespace Dqe.Cdk.Observability;

/// <summary>
/// External Secrets operator on IRSA, allowed to read only the given Secrets Manager secrets, and a
/// ClusterSecretStore for them. <see cref="Sync"/> materialises keys of those secrets as Kubernetes secrets.
/// </summary>
public sealed class SecretsSync : Construct
{
    private readonly ICluster _cluster;
    private readonly IDependable _ready;

    public SecretsSync(Construct scope, string id, SecretsSyncProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        _cluster = props.Cluster;
        var role = new IrsaRole(this, "Role", new IrsaRoleProps(props.Cluster, ExternalSecretsNamespace, ExternalSecretsServiceAccount)).Role;
        foreach (var secret in props.Secrets)
        {
            secret.GrantRead(role);
        }

        var chart = Kube.Chart(this, "Chart", props.Cluster,
            new HelmRelease("external-secrets", "external-secrets", "https://charts.external-secrets.io", props.ChartVersion, ExternalSecretsNamespace),
            new JsonObject
            {
                ["installCRDs"] = true,
                ["serviceAccount"] = new JsonObject
                {
                    ["create"] = true,
                    ["name"] = ExternalSecretsServiceAccount,
                    ["annotations"] = Kube.IrsaAnnotation(role.RoleArn),
                },
                ["nodeSelector"] = Kube.GeneralPool(),
                ["webhook"] = new JsonObject { ["nodeSelector"] = Kube.GeneralPool() },
                ["certController"] = new JsonObject { ["nodeSelector"] = Kube.GeneralPool() },
            });
        chart.Node.AddDependency(props.Namespaces);

        // No auth block: the store uses the controller's own IRSA credentials, scoped to the secrets above.
        var store = Kube.Manifest(this, "Store", props.Cluster, new JsonObject
        {
            ["apiVersion"] = "external-secrets.io/v1beta1",
            ["kind"] = "ClusterSecretStore",
            ["metadata"] = Kube.Metadata(ClusterSecretStore),
            ["spec"] = new JsonObject
            {
                ["provider"] = new JsonObject
                {
                    ["aws"] = new JsonObject { ["service"] = "SecretsManager", ["region"] = Stack.Of(this).Region },
                },
            },
        });
        store.Node.AddDependency(chart);
        _ready = store;
    }

    /// <summary>
    /// A Kubernetes secret <paramref name="name"/> in <paramref name="ns"/> whose keys come from Secrets Manager:
    /// each entry maps a Kubernetes key to (secret name, JSON property).
    /// </summary>
    public KubernetesManifest Sync(string id, string ns, string name, IReadOnlyDictionary<string, (string Secret, string Property)> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var data = new JsonArray();
        foreach (var (key, (secret, property)) in keys)
        {
            data.Add(new JsonObject
            {
                ["secretKey"] = key,
                ["remoteRef"] = new JsonObject { ["key"] = secret, ["property"] = property },
            });
        }

        var manifest = Kube.Manifest(this, id, _cluster, new JsonObject
        {
            ["apiVersion"] = "external-secrets.io/v1beta1",
            ["kind"] = "ExternalSecret",
            ["metadata"] = Kube.Metadata(name, ns),
            ["spec"] = new JsonObject
            {
                ["refreshInterval"] = "1h",
                ["secretStoreRef"] = new JsonObject { ["kind"] = "ClusterSecretStore", ["name"] = ClusterSecretStore },
                ["target"] = new JsonObject { ["name"] = name, ["creationPolicy"] = "Owner" },
                ["data"] = data,
            },
        });
        manifest.Node.AddDependency(_ready);
        return manifest;
    }
}
