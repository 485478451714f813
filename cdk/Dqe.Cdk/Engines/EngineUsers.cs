using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Core.Secrets.Rotation;

namespace Dqe.Cdk.Engines;

/// <summary>
/// People's own engine users: one generated Secrets Manager secret each (<c>dqe/ENV/users/NAME</c>, the same
/// password on both engines), read by the External Secrets operator, which writes only hashes into the cluster —
/// bcrypt lines into Trino's password file (built by <see cref="Trino"/> with the automation user) and SHA-256 hex
/// into <see cref="ClickHouseSecret"/>, which the ClickHouse operator turns into users.d entries. Roles become
/// Trino access rules (<see cref="TrinoAccessRules"/>) and ClickHouse profiles and quotas (<see cref="ClickHouseUserSettings"/>).
/// Also the Kubernetes side of rotation, people's and the automation users' alike: what the rotation function re-syncs
/// (<see cref="RotationSyncs"/>) and the RBAC of its group.
/// </summary>
public sealed class EngineUsers : Construct
{
    /// <summary>Secret in the clickhouse namespace: one SHA-256 hex per person, key = user name.</summary>
    public const string ClickHouseSecret = "clickhouse-users";

    /// <summary>Kubernetes group of the rotation function: it may only re-sync the ExternalSecrets of rotated secrets and bump the installation.</summary>
    public const string RotationGroup = "dqe-rotation";

    /// <summary>Kubernetes user name of the rotation function's access entry (audit logs).</summary>
    public const string RotationUser = "dqe-rotation";

    private static readonly string[] Patch = ["patch"];

    public EngineUsers(Construct scope, string id, EngineUsersProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var context = props.Context;
        VpcCidr = props.VpcCidr;
        People = [.. props.Users.Select(u => new EngineUser(u.Name, u.Role, GeneratedSecret.Create(this, $"User_{u.Name}", SecretName(context.EnvName, u.Name),
            $"Dqe {context.EnvName}: engine user '{u.Name}' ({u.Role}) on Trino and ClickHouse; rotated by Secrets Manager", "user", u.Name, "password", context)))];
        foreach (var person in People)
        {
            context.Secrets.GrantRead(person.Secret);
        }

        if (People.Count > 0)
        {
            ClickHouseSync = context.Secrets.SyncTemplated(this, "ClickHouseUsers", EngineNamespaces.ClickHouse, ClickHouseSecret,
                People.ToDictionary(p => p.Name, p => $"{{{{ index . \"{p.SyncKey}\" | sha256sum }}}}", StringComparer.Ordinal),
                [.. People.Select(p => (p.SyncKey, p.Secret.SecretArn, "password"))]);
        }

        // The automation secrets always rotate: Trino's password file carries the automation user too, and
        // ClickHouse's automation password is its own ExternalSecret. The people's ClickHouse hashes only with people.
        RotationSyncs =
        [
            (RotationEngineNames.Trino, EngineNamespaces.Trino, Trino.PasswordFileSecret),
            .. People.Count > 0 ? new[] { (RotationEngineNames.ClickHouse, EngineNamespaces.ClickHouse, ClickHouseSecret) } : [],
            (RotationEngineNames.ClickHouse, EngineNamespaces.ClickHouse, ClickHouseInstallationManifest.CredentialsSecret),
        ];
        string[] Synced(string ns) => [.. RotationSyncs.Where(s => s.Namespace == ns).Select(s => s.Name)];

        // A merge patch needs the patch verb only; resourceNames pin it to the objects a rotation touches.
        RotationRbac = Kube.Apply(this, "RotationRbac", context.Cluster,
            [.. RotationRole(EngineNamespaces.Trino, Rule("external-secrets.io", "externalsecrets", Patch, Synced(EngineNamespaces.Trino))),
            .. RotationRole(EngineNamespaces.ClickHouse, Rule("external-secrets.io", "externalsecrets", Patch, Synced(EngineNamespaces.ClickHouse)),
                Rule("clickhouse.altinity.com", "clickhouseinstallations", Patch, ClickHouse.InstallationName))]);
        RotationRbac.Node.AddDependency(context.Namespaces.Manifest);
    }

    /// <summary>Role and binding of <see cref="RotationGroup"/>: patch of exactly <see cref="RotationSyncs"/> and the installation.</summary>
    public KubernetesManifest RotationRbac { get; }

    /// <summary>
    /// The ExternalSecrets a rotation re-syncs, in <c>DQE_ROTATION_EXTERNAL_SECRETS</c> order: the engine whose
    /// users each one renders, and its namespace and name.
    /// </summary>
    public IReadOnlyList<(string Engine, string Namespace, string Name)> RotationSyncs { get; }

    /// <summary>The installation whose operator renders the ClickHouse users, dqe and the people (namespace/name).</summary>
    public static string RotationInstallation => $"{EngineNamespaces.ClickHouse}/{ClickHouse.InstallationName}";

    /// <summary>The people, in config order.</summary>
    public IReadOnlyList<EngineUser> People { get; }

    /// <summary>The network the people's ClickHouse users are restricted to.</summary>
    public string VpcCidr { get; }

    /// <summary>The ExternalSecret writing <see cref="ClickHouseSecret"/>; null without people.</summary>
    public KubernetesManifest? ClickHouseSync { get; }

    /// <summary>A rule of <see cref="RotationRole"/>: <paramref name="verbs"/> on the named objects only.</summary>
    internal static object Rule(string group, string resource, string[] verbs, params string[] names) =>
        new { apiGroups = new[] { group }, resources = new[] { resource }, verbs, resourceNames = names };

    /// <summary>Role <see cref="RotationGroup"/> in <paramref name="ns"/> with <paramref name="rules"/>, bound to that group (the monitoring namespace's too).</summary>
    internal static object[] RotationRole(string ns, params object[] rules) =>
    [
        new { apiVersion = "rbac.authorization.k8s.io/v1", kind = "Role", metadata = new { name = RotationGroup, @namespace = ns }, rules },
        new
        {
            apiVersion = "rbac.authorization.k8s.io/v1",
            kind = "RoleBinding",
            metadata = new { name = RotationGroup, @namespace = ns },
            roleRef = new { apiGroup = "rbac.authorization.k8s.io", kind = "Role", name = RotationGroup },
            subjects = new[] { new { kind = "Group", name = RotationGroup, apiGroup = "rbac.authorization.k8s.io" } },
        },
    ];

    /// <summary>Secrets Manager name of a person's secret.</summary>
    public static string SecretName(string env, string user) => $"dqe/{env}/users/{user}";
}
