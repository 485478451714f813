namespace Dqe.Cdk.Observability;

/// <summary>
/// Kubernetes names and label conventions shared by the observability constructs, the engines (which opt in
/// to scraping with <see cref="MetricsLabel"/>) and the tests.
/// </summary>
public static class ObservabilityNames
{
    public const string MonitoringNamespace = "monitoring";
    public const string LoggingNamespace = "logging";

    /// <summary>Pods labelled dqe.io/metrics: "true" in an engine namespace are scraped on their port named "metrics".</summary>
    public const string MetricsLabel = "dqe.io/metrics";

    /// <summary>Container port name the engines expose their Prometheus metrics on (path /metrics).</summary>
    public const string MetricsPortName = "metrics";

    /// <summary>Namespaces the engines run in; scraped, and their logs go to the engines index.</summary>
    public static IReadOnlyList<string> EngineNamespaces { get; } = ["trino", "clickhouse", "kafka", "spark"];

    public const string PrometheusRelease = "kube-prometheus-stack";
    public const string PrometheusServiceAccount = "dqe-prometheus";

    /// <summary>kube-prometheus-stack's Prometheus service ("{release}-prometheus", no name override) and its web port.</summary>
    public const string PrometheusService = PrometheusRelease + "-prometheus";
    public const int PrometheusPort = 9090;

    /// <summary>Prometheus as the functions reach it through the API server's service proxy (DQE_PROMETHEUS_SERVICE).</summary>
    public static string PrometheusProxyTarget => $"{MonitoringNamespace}/http:{PrometheusService}:{PrometheusPort}";
    public const string GrafanaServiceAccount = "dqe-grafana";

    /// <summary>
    /// Grafana's Deployment: the grafana subchart names it "{release}-grafana" (its fullname when the release name
    /// does not contain "grafana"); the values pin it with fullnameOverride, so the rotation's restart target cannot drift.
    /// </summary>
    public const string GrafanaDeployment = PrometheusRelease + "-grafana";
    public const string ThanosServiceAccount = "dqe-thanos";
    public const string FluentBitServiceAccount = "dqe-fluent-bit";

    /// <summary>The shared Secrets Manager store of the platform's External Secrets operator.</summary>
    public const string ClusterSecretStore = Security.SecretsOperator.AwsStore;

    /// <summary>Kubernetes secret with Grafana's admin user (keys admin-user, admin-password).</summary>
    public const string GrafanaAdminSecret = "dqe-grafana-admin";

    /// <summary>Kubernetes secret with the receivers' credentials, mounted into Alertmanager.</summary>
    public const string AlertmanagerSecret = "dqe-alertmanager-receivers";

    /// <summary>Kubernetes secret with the Thanos object store configuration (no credentials: IRSA).</summary>
    public const string ThanosObjstoreSecret = "dqe-thanos-objstore";
    public const string ThanosObjstoreKey = "objstore.yml";

    /// <summary>Kubernetes secret with the OpenSearch master user, for the bootstrap job.</summary>
    public const string OpenSearchMasterSecret = "dqe-opensearch-master";

    /// <summary>Label of ConfigMaps the Grafana sidecar provisions as dashboards.</summary>
    public const string DashboardLabel = "grafana_dashboard";

    /// <summary>Where Alertmanager sees the keys of <see cref="AlertmanagerSecret"/> (operator's secrets mount).</summary>
    public static string AlertmanagerSecretFile(string key) => $"/etc/alertmanager/secrets/{AlertmanagerSecret}/{key}";

    /// <summary>Keys of <see cref="AlertmanagerSecret"/>.</summary>
    public static class ReceiverKeys
    {
        public const string PagerDutyRoutingKey = "pagerduty-routing-key";
        public const string SlackWebhookUrl = "slack-webhook-url";
        public const string SmtpPassword = "smtp-password";
        public const string RemediationToken = "remediation-token";
    }
}
