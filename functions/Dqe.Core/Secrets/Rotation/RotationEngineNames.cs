namespace Dqe.Core.Secrets.Rotation;

/// <summary>The names of <see cref="RotationEngine"/> in the environment variables and in rotation messages.</summary>
internal static class RotationEngineNames
{
    /// <summary>Both engines: a person's password is on Trino and ClickHouse.</summary>
    public static readonly IReadOnlySet<RotationEngine> All = new HashSet<RotationEngine> { RotationEngine.Trino, RotationEngine.ClickHouse };

    public static string Name(this RotationEngine engine) => engine switch
    {
        RotationEngine.Trino => "trino",
        RotationEngine.ClickHouse => "clickhouse",
        RotationEngine.Grafana => "grafana",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown engine"),
    };

    /// <summary>"clickhouse and trino": the names, sorted.</summary>
    public static string Join(IEnumerable<RotationEngine> engines) => string.Join(" and ", engines.Select(Name).Order(StringComparer.Ordinal));

    /// <summary>The engine named <paramref name="text"/>; a clear error naming <paramref name="variable"/> and the entry otherwise.</summary>
    public static RotationEngine Parse(string variable, string entry, string text) => text switch
    {
        "trino" => RotationEngine.Trino,
        "clickhouse" => RotationEngine.ClickHouse,
        "grafana" => RotationEngine.Grafana,
        _ => throw new InvalidOperationException($"environment variable {variable}: '{entry}' names engine '{text}'; expected trino, clickhouse or grafana"),
    };
}
