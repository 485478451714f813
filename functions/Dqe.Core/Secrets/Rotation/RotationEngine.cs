namespace Dqe.Core.Secrets.Rotation;

/// <summary>An engine a rotated password lives on; written <c>trino</c>, <c>clickhouse</c> or <c>grafana</c> in the environment and in messages.</summary>
public enum RotationEngine
{
    Trino,
    ClickHouse,

    /// <summary>Grafana's admin user: read only at pod start, so a rotation restarts Grafana instead of logging in.</summary>
    Grafana,
}
