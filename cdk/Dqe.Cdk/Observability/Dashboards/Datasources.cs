namespace Dqe.Cdk.Observability.Dashboards;

/// <summary>Grafana datasource uids provisioned by the kube-prometheus-stack values and used by the dashboards.</summary>
public static class Datasources
{
    /// <summary>The in-cluster Prometheus (30 days of raw samples).</summary>
    public const string Prometheus = "prometheus";

    /// <summary>Thanos Query: Prometheus plus the downsampled history in the metrics bucket.</summary>
    public const string Thanos = "thanos";

    /// <summary>CloudWatch metrics (functions, workflows, and the reliability metrics they emit).</summary>
    public const string CloudWatch = "cloudwatch";
}
