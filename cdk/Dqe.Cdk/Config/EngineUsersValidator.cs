using System.Text.RegularExpressions;

namespace Dqe.Cdk.Config;

/// <summary>Checks <c>engines.users</c> (names, roles, uniqueness) and the rotation settings of <c>security</c>.</summary>
internal static partial class EngineUsersValidator
{
    /// <summary>The roles a person can have, from most to least privileged.</summary>
    public static readonly IReadOnlyList<string> Roles = ["admin", "analyst", "readonly"];

    /// <summary>Users the platform itself owns: the automation user, ClickHouse's built-in and the operator's.</summary>
    public static readonly IReadOnlyList<string> Reserved = ["dqe", "default", "clickhouse_operator", "root"];

    public static void Validate(DqeConfig config, Action<bool, string> check)
    {
        var security = config.Security;
        check(security.RotationDays is >= 1 and <= 365, $"security.rotationDays = {security.RotationDays} must be 1-365");
        // Lambda's 15-minute limit minus a minute for the Secrets Manager and Kubernetes calls around the wait.
        check(security.RotationVerifySeconds is >= 60 and <= 840, $"security.rotationVerifySeconds = {security.RotationVerifySeconds} must be 60-840");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < config.Engines.Users.Count; i++)
        {
            var user = config.Engines.Users[i];
            var key = $"engines.users[{i}]";
            check(NamePattern().IsMatch(user.Name),
                $"{key}.name = '{user.Name}' must be 2-32 characters: a lower-case letter, then lower-case letters, digits or '_'");
            check(!Reserved.Contains(user.Name), $"{key}.name = '{user.Name}' is reserved ({string.Join(", ", Reserved)})");
            check(seen.Add(user.Name), $"{key}.name = '{user.Name}' is listed twice");
            check(Roles.Contains(user.Role), $"{key}.role = '{user.Role}' must be one of {string.Join(", ", Roles)}");
        }
    }

    // One pattern that is a safe Trino and ClickHouse user name, Secrets Manager path segment, Kubernetes secret key
    // and Go template field, and has no regex metacharacter (Trino's access rules match users by regex).
    [GeneratedRegex("^[a-z][a-z0-9_]{1,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
