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
        }
    }

    /// <summary>The people, in config order.</summary>
    public IReadOnlyList<EngineUser> People { get; }

    /// <summary>The network the people's ClickHouse users are restricted to.</summary>
    public string VpcCidr { get; }

    /// <summary>The ExternalSecret writing <see cref="ClickHouseSecret"/>; null without people.</summary>
    public KubernetesManifest? ClickHouseSync { get; }

    /// <summary>Secrets Manager name of a person's secret.</summary>
    public static string SecretName(string env, string user) => $"dqe/{env}/users/{user}";
}
