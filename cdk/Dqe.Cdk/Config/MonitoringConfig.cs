namespace Dqe.Cdk.Config;

/// <summary>Where Prometheus and Grafana run, so engines can be scraped and queried from there.</summary>
public sealed record MonitoringConfig
{
    /// <summary>Create ServiceMonitor/PodMonitor objects (needs the Prometheus Operator CRDs, installed by the monitoring stack).</summary>
    public bool ServiceMonitors { get; init; } = true;

    /// <summary>Namespace of Prometheus and Grafana (a DNS-1123 label).</summary>
    public string Namespace { get; init; } = "monitoring";

    /// <summary>Label every ServiceMonitor/PodMonitor carries so the Prometheus instance selects it.</summary>
    public string ReleaseLabel { get; init; } = "kube-prometheus-stack";
}
