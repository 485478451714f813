namespace Dqe.Cdk.Config;

/// <summary>
/// One person's own engine user (cdk.json <c>engines.users[]</c>): the same name and generated password on Trino and
/// ClickHouse, kept in Secrets Manager as <c>dqe/ENV/users/NAME</c> and rotated every <c>security.rotationDays</c>.
/// </summary>
public sealed record EngineUserConfig
{
    /// <summary>User name: lower case letter, then letters, digits or '_', 2-32 characters; not a built-in user.</summary>
    public string Name { get; init; } = "";

    /// <summary>admin (read and write everything), analyst (read everything, session settings) or readonly (read the lake only, fixed settings).</summary>
    public string Role { get; init; } = "";
}
