namespace Dqe.Core.Chaos.Campaigns;

/// <summary>Probe kinds a campaign may use.</summary>
public static class ProbeTypes
{
    /// <summary>A PromQL instant query; the value is the first sample.</summary>
    public const string PromQl = "promql";

    /// <summary>Trino answers a query (default <c>SELECT 1</c>); the value is 1 when it does, 0 otherwise.</summary>
    public const string Trino = "trino";

    /// <summary>ClickHouse cluster health; the value is the worst replica delay in seconds (infinity when unhealthy).</summary>
    public const string ClickHouse = "clickhouse";

    /// <summary>Wall time of one query on <c>engine</c> in milliseconds; needs <c>max</c>.</summary>
    public const string Latency = "latency";

    public static IReadOnlyList<string> All { get; } = [PromQl, Trino, ClickHouse, Latency];
}
