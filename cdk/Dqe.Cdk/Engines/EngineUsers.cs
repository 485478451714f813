using Amazon.CDK.AWS.EKS;
using Constructs;

namespace Dqe.Cdk.Engines;

/// <summary>
/// People's own engine users: one generated Secrets Manager secret each (<c>dqe/ENV/users/NAME</c>, the same
/// password on both engines), read by the External Secrets operator, which writes only hashes into the cluster —
/// bcrypt lines into Trino's password file (built by <see cref="Trino"/> with the automation user) and SHA-256 hex
/// into <see cref="ClickHouseSecret"/>, which the ClickHouse operator turns into users.d entries. Roles become
/// Trino access rules (<see cref="TrinoAccessRules"/>) and ClickHouse profiles and quotas (<see cref="ClickHouseUserSettings"/>).
/// </summary>
public sealed class EngineUsers : Construct
{
    /// <summary>Secret in the clickhouse namespace: one SHA-256 hex per person, key = user name.</summary>
    public const string ClickHouseSecret = "clickhouse-users";

    /// <summary>Kubernetes group of the rotation function: it may only re-sync the users' ExternalSecrets and bump the installation.</summary>
    public const string RotationGroup = "dqe-rotation";

    /// <summary>Kubernetes user name of the rotation function's access entry (audit logs).</summary>
    public const string RotationUser = "dqe-rotation";

    public EngineUsers(Construct scope, string id, EngineUsersProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var context = props.Context;
        VpcCidr = props.VpcCidr;
        People = [.. props.Users.Select(u => new EngineUser(u.Name, u.Role, GeneratedSecret.Create(this, $"User_{u.Name}", SecretName(context.EnvName, u.Name),
            $"Dqe {context.EnvName}: engine user '{u.Name}' ({u.Role}) on Trino and ClickHouse; rotated by Secrets Manager", "user", u.Name, "password", context.Removal)))];
        foreach (var person in People)
        {
            context.Secrets.GrantRead(person.Secret);
        }

        if (People.Count > 0)
        {
            ClickHouseSync = context.Secrets.SyncTemplated(this, "ClickHouseUsers", EngineNamespaces.ClickHouse, ClickHouseSecret,
                People.ToDictionary(p => p.Name, p => $"{{{{ index . \"{p.SyncKey}\" | sha256sum }}}}", StringComparer.Ordinal),
                [.. People.Select(p => (p.SyncKey, p.Secret.SecretArn, "password"))]);
            // A merge patch needs the patch verb only; resourceNames pin it to the objects a rotation touches.
            RotationRbac = Kube.Apply(this, "RotationRbac", context.Cluster,
                [.. RoleAndBinding(EngineNamespaces.Trino, Rule("external-secrets.io", "externalsecrets", Trino.PasswordFileSecret)),
                .. RoleAndBinding(EngineNamespaces.ClickHouse, Rule("external-secrets.io", "externalsecrets", ClickHouseSecret),
                    Rule("clickhouse.altinity.com", "clickhouseinstallations", ClickHouse.InstallationName))]);
            RotationRbac.Node.AddDependency(context.Namespaces.Manifest);
        }
    }

    /// <summary>Role and binding of <see cref="RotationGroup"/> (null without people).</summary>
    public KubernetesManifest? RotationRbac { get; }

    /// <summary>The ExternalSecrets built from the people's secrets (namespace/name): what a rotation re-syncs.</summary>
    public static IReadOnlyList<string> RotationSyncs => [$"{EngineNamespaces.Trino}/{Trino.PasswordFileSecret}", $"{EngineNamespaces.ClickHouse}/{ClickHouseSecret}"];

    /// <summary>The installation whose operator renders the people's ClickHouse users (namespace/name).</summary>
    public static string RotationInstallation => $"{EngineNamespaces.ClickHouse}/{ClickHouse.InstallationName}";

    /// <summary>The people, in config order.</summary>
    public IReadOnlyList<EngineUser> People { get; }

    /// <summary>The network the people's ClickHouse users are restricted to.</summary>
    public string VpcCidr { get; }

    /// <summary>The ExternalSecret writing <see cref="ClickHouseSecret"/>; null without people.</summary>
    public KubernetesManifest? ClickHouseSync { get; }

    private static object Rule(string group, string resource, string name) =>
        new { apiGroups = new[] { group }, resources = new[] { resource }, verbs = new[] { "patch" }, resourceNames = new[] { name } };

    private static object[] RoleAndBinding(string ns, params object[] rules) =>
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
