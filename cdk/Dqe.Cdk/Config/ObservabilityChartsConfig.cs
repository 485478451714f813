namespace Dqe.Cdk.Config;

/// <summary>Helm chart versions, pinned so a deploy never picks up an untested release.</summary>
public sealed record ObservabilityChartsConfig
{
    /// <summary>prometheus-community/kube-prometheus-stack (Prometheus operator, Prometheus, Alertmanager, Grafana).</summary>
    public string KubePrometheusStack { get; init; } = "65.1.1";

    /// <summary>bitnami/thanos (query, store gateway, compactor).</summary>
    public string Thanos { get; init; } = "15.7.25";

    /// <summary>fluent/fluent-bit (log shipping DaemonSet).</summary>
    public string FluentBit { get; init; } = "0.47.10";
}
