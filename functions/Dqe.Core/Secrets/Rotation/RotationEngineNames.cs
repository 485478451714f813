namespace Dqe.Core.Secrets.Rotation;

/// <summary>
/// The names of <see cref="RotationEngine"/> in the environment variables (the contract the CDK app writes:
/// <c>engine:namespace/name</c> entries of DQE_ROTATION_EXTERNAL_SECRETS, <c>secret=engine</c> of DQE_ROTATION_SECRET_ENGINES)
/// and in rotation messages.
/// </summary>
public static class RotationEngineNames
{
    public const string Trino = "trino";
    public const string ClickHouse = "clickhouse";
    public const string Grafana = "grafana";

    /// <summary>Both engines: a person's password is on Trino and ClickHouse.</summary>
    public static readonly IReadOnlySet<RotationEngine> All = new HashSet<RotationEngine> { RotationEngine.Trino, RotationEngine.ClickHouse };

    public static string Name(this RotationEngine engine) => engine switch
    {
        RotationEngine.Trino => Trino,
        RotationEngine.ClickHouse => ClickHouse,
        RotationEngine.Grafana => Grafana,
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown engine"),
    };

    /// <summary>"clickhouse and trino": the names, sorted.</summary>
    public static string Join(IEnumerable<RotationEngine> engines) => string.Join(" and ", engines.Select(Name).Order(StringComparer.Ordinal));

    /// <summary>The engine named <paramref name="text"/>; a clear error naming <paramref name="variable"/> and the entry otherwise.</summary>
    public static RotationEngine Parse(string variable, string entry, string text) => text switch
    {
        Trino => RotationEngine.Trino,
        ClickHouse => RotationEngine.ClickHouse,
        Grafana => RotationEngine.Grafana,
        _ => throw new InvalidOperationException($"environment variable {variable}: '{entry}' names engine '{text}'; expected trino, clickhouse or grafana"),
    };
}
