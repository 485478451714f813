namespace Dqe.Cdk.Config;

/// <summary>Metrics (Prometheus + Thanos), dashboards, alerting and log shipping. cdk.json key: <c>observability</c>.</summary>
public sealed record ObservabilityConfig
{
    /// <summary>Pinned Helm chart versions.</summary>
    public ObservabilityChartsConfig Charts { get; init; } = new();

    /// <summary>Days Prometheus keeps raw samples on its own volume (1-90); Thanos keeps history beyond that.</summary>
    public int PrometheusRetentionDays { get; init; } = 30;

    /// <summary>Prometheus volume size in GiB (20-2000); also sets the size-based retention guard at 90% of it.</summary>
    public int PrometheusStorageGb { get; init; } = 100;

    /// <summary>Long-term metrics in the encrypted metrics bucket, compacted and downsampled by Thanos.</summary>
    public ThanosConfig Thanos { get; init; } = new();

    /// <summary>Alert routing, receivers and alert thresholds.</summary>
    public AlertingConfig Alerting { get; init; } = new();

    /// <summary>The OpenSearch log domain and its index retention.</summary>
    public LogsConfig Logs { get; init; } = new();
}
