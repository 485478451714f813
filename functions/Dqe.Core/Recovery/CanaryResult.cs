namespace Dqe.Core.Recovery;

/// <summary>Whether each engine answered its canary query; <see cref="Detail"/> holds the errors otherwise.</summary>
public sealed record CanaryResult(bool ClickHouse, bool Trino, string Detail = "")
{
    public bool Healthy => ClickHouse && Trino;
}
