namespace Dqe.Core.Secrets.Rotation;

/// <summary>An engine a rotated password lives on; written <c>trino</c> or <c>clickhouse</c> in the environment and in messages.</summary>
public enum RotationEngine
{
    Trino,
    ClickHouse,
}
