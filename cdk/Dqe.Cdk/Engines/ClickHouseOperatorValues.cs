namespace Dqe.Cdk.Engines;

/// <summary>Values of the altinity-clickhouse-operator chart: operator on the general pool, its exporter scraped.</summary>
internal sealed record ClickHouseOperatorValues(
    object NodeSelector,
    ClickHouseOperatorValues.MetricsValues Metrics,
    ClickHouseOperatorValues.MonitorValues ServiceMonitor)
{
    internal sealed record MetricsValues(bool Enabled);

    internal sealed record MonitorValues(bool Enabled, IReadOnlyDictionary<string, string> AdditionalLabels);
}
