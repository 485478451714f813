namespace Dqe.Cdk.Engines;

/// <summary>
/// Engine names of the rotation function's contract: the prefix of each <c>DQE_ROTATION_EXTERNAL_SECRETS</c> entry
/// (<c>engine:namespace/name</c>) and the value of each <c>DQE_ROTATION_SECRET_ENGINES</c> entry (<c>secret=engine</c>).
/// </summary>
public static class RotatedEngine
{
    public const string Trino = "trino";
    public const string ClickHouse = "clickhouse";
    public const string Grafana = "grafana";
}
