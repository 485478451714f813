using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Security;

/// <summary>
/// The one External Secrets operator of an environment (Helm release, IRSA role, Secrets Manager ClusterSecretStore).
/// </summary>
/// <remarks>
/// It lives in the platform stack: the engines and observability stacks both sync secrets through it and both
/// already depend on the platform, so neither has to depend on the other and the chart (with its cluster-wide
/// CRDs) is installed exactly once. The role starts with no permissions: each stack grants read of its own
/// secrets with <see cref="GrantRead"/> (a policy in that stack attached to this role, so no stack cycle),
/// and the operator can read nothing else.
/// </remarks>
public sealed class SecretsOperator : Construct
{
    /// <summary>
    /// Not "external-secrets": that namespace belonged to the engines stack's former release, and its update deletes
    /// (prunes) it. A namespace of its own keeps the shared operator out of that deletion.
    /// </summary>
    public const string Namespace = "dqe-external-secrets";
    public const string ServiceAccountName = "external-secrets";
    public const string ReleaseName = "external-secrets";
    public const string Repository = "https://charts.external-secrets.io";

    /// <summary>ClusterSecretStore backed by Secrets Manager, using the operator's own IRSA credentials.</summary>
    public const string AwsStore = "aws-secrets-manager";

    /// <summary>Id of the operator role imported into another stack; its grants are that construct's policy.</summary>
    public const string ImportedRoleId = "DqeSecretsOperatorRole";
    private readonly Cluster _cluster;

    // jsii hands back found children as proxies that do not cast to IRole: keep the imported roles, per stack path.
    private readonly Dictionary<string, IRole> _imported = new(StringComparer.Ordinal);

    public SecretsOperator(Construct scope, string id, SecretsOperatorProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        _cluster = props.Cluster;
        Role = new IrsaRole(this, "Role", new IrsaRoleProps(props.Cluster, Namespace, ServiceAccountName)).Role;
        var general = KubernetesCluster.GeneralPlacement["nodeSelector"];
        // wait: CRDs and the webhook must serve before any store or ExternalSecret applies.
        Chart = new HelmRelease("external-secrets", Repository, props.ChartVersion, Namespace, ReleaseName).Install(this, "Chart", props.Cluster,
            new Dictionary<string, object>
            {
                ["installCRDs"] = true,
                ["serviceAccount"] = new Dictionary<string, object>
                {
                    ["create"] = true,
                    ["name"] = ServiceAccountName,
                    ["annotations"] = new Dictionary<string, object> { ["eks.amazonaws.com/role-arn"] = Role.RoleArn },
                },
                ["nodeSelector"] = general,
                ["webhook"] = new Dictionary<string, object> { ["nodeSelector"] = general },
                ["certController"] = new Dictionary<string, object> { ["nodeSelector"] = general },
            },
            wait: true,
            createNamespace: true);

        // No auth block: the store uses the controller's IRSA credentials, which read only what was granted.
        Store = new KubernetesManifest(this, "Store", new KubernetesManifestProps
        {
            Cluster = props.Cluster,
            Overwrite = true,
            Manifest =
            [
                new Dictionary<string, object>
                {
                    ["apiVersion"] = "external-secrets.io/v1beta1",
                    ["kind"] = "ClusterSecretStore",
                    ["metadata"] = new Dictionary<string, object> { ["name"] = AwsStore },
                    ["spec"] = new Dictionary<string, object>
                    {
                        ["provider"] = new Dictionary<string, object>
                        {
                            ["aws"] = new Dictionary<string, object> { ["service"] = "SecretsManager", ["region"] = props.Region },
                        },
                    },
                },
            ],
        });
        Store.Node.AddDependency(Chart);
    }

    /// <summary>The operator's IRSA role (no permissions of its own; see <see cref="GrantRead"/>).</summary>
    public Role Role { get; }

    public HelmChart Chart { get; }

    /// <summary>The Secrets Manager ClusterSecretStore; every sync depends on it.</summary>
    public KubernetesManifest Store { get; }

    /// <summary>
    /// Lets the operator read <paramref name="secret"/>. The statement lands in a policy of
    /// <paramref name="scope"/>'s stack, attached to the operator role by name.
    /// </summary>
    public Grant GrantRead(Construct scope, ISecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return secret.GrantRead(RoleIn(scope));
    }

    /// <summary>Lets the operator create and update the Secrets Manager secret <paramref name="secretName"/> (PushSecret).</summary>
    public void GrantPush(Construct scope, string secretName)
    {
        var stack = Stack.Of(scope);
        RoleIn(scope).AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["secretsmanager:CreateSecret", "secretsmanager:PutSecretValue", "secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:TagResource"],
            // Secrets Manager appends a random 6-character suffix to secret ARNs.
            Resources = [stack.FormatArn(new ArnComponents
            {
                Service = "secretsmanager",
                Resource = "secret",
                ResourceName = secretName + "-??????",
                ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
            })],
        }));
    }

    /// <summary>
    /// An ExternalSecret that keeps a Kubernetes secret in sync with Secrets Manager (or another store). It applies
    /// after the store and after the grants made from <paramref name="scope"/>'s stack.
    /// </summary>
    public KubernetesManifest Sync(Construct scope, string id, ExternalSecretProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var target = new Dictionary<string, object> { ["name"] = props.Name, ["creationPolicy"] = "Owner" };
        if (props.Template is { } template)
        {
            target["template"] = new Dictionary<string, object> { ["engineVersion"] = "v2", ["data"] = template.ToDictionary(t => t.Key, t => (object)t.Value) };
        }

        var manifest = new KubernetesManifest(scope, id, new KubernetesManifestProps
        {
            Cluster = _cluster,
            Overwrite = true,
            Manifest =
            [
                new Dictionary<string, object>
                {
                    ["apiVersion"] = "external-secrets.io/v1beta1",
                    ["kind"] = "ExternalSecret",
                    ["metadata"] = new Dictionary<string, object> { ["name"] = props.Name, ["namespace"] = props.Namespace },
                    ["spec"] = new Dictionary<string, object>
                    {
                        ["refreshInterval"] = props.RefreshInterval,
                        ["secretStoreRef"] = new Dictionary<string, object> { ["kind"] = "ClusterSecretStore", ["name"] = props.Store },
                        ["target"] = target,
                        ["data"] = props.Data.Select(d => (object)new Dictionary<string, object>
                        {
                            ["secretKey"] = d.Key,
                            ["remoteRef"] = new Dictionary<string, object> { ["key"] = d.RemoteKey, ["property"] = d.Property },
                        }).ToArray(),
                    },
                },
            ],
        });
        manifest.Node.AddDependency(Store);
        if (_imported.TryGetValue(Stack.Of(scope).Node.Path, out var grants))
        {
            manifest.Node.AddDependency(grants);
        }

        return manifest;
    }

    /// <summary>The role as seen from <paramref name="scope"/>'s stack: itself here, imported by name elsewhere.</summary>
    private IRole RoleIn(Construct scope)
    {
        var stack = Stack.Of(scope);
        if (stack == Stack.Of(this))
        {
            return Role;
        }

        if (!_imported.TryGetValue(stack.Node.Path, out var role))
        {
            // Imported by name (not ARN) so its account is the stack's own and grants stay identity policies only.
            role = Amazon.CDK.AWS.IAM.Role.FromRoleName(stack, ImportedRoleId, Role.RoleName);
            _imported.Add(stack.Node.Path, role);
        }

        return role;
    }
}
