using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Observability;
using static Dqe.Cdk.Observability.ObservabilityNames;

namespace Dqe.Cdk.Stacks;

/// <summary>
/// Metrics (Prometheus, Thanos archive), dashboards, alerting and log shipping for the platform's cluster.
/// Only connects the observability constructs.
/// </summary>
public sealed class ObservabilityStack : Stack
{
    public ObservabilityStack(Construct scope, string id, ObservabilityStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var observability = props.RemediationWebhookUrl is { } webhook
            ? config.Observability with { Alerting = config.Observability.Alerting with { RemediationWebhookUrl = webhook } }
            : config.Observability;
        var cluster = props.Cluster.Cluster;

        var namespaces = Kube.Manifest(this, "Namespaces", cluster,
            [.. new[] { MonitoringNamespace, LoggingNamespace }.Select(Namespace)]);

        // The automation functions query Prometheus through the API server's service proxy (chaos probes, remediation verify).
        Engines.Kube.Apply(this, "AutomationPrometheusProxy", cluster, Engines.AutomationAccess.ServiceProxyRbac(MonitoringNamespace, PrometheusService))
            .Node.AddDependency(namespaces);

        Secrets = new ObservabilitySecrets(this, "Secrets", new ObservabilitySecretsProps(config.Env, config.Ephemeral));
        var sync = new SecretsSync(this, "SecretsSync", new SecretsSyncProps(props.SecretsOperator, Secrets.All, namespaces));
        string SecretName(string secret) => ObservabilitySecrets.Name(config.Env, secret);
        var grafanaAdmin = sync.Sync("GrafanaAdmin", MonitoringNamespace, GrafanaAdminSecret, new Dictionary<string, (string, string)>
        {
            ["admin-user"] = (SecretName("grafana-admin"), "username"),
            ["admin-password"] = (SecretName("grafana-admin"), "password"),
        });
        var receivers = sync.Sync("Receivers", MonitoringNamespace, AlertmanagerSecret, new Dictionary<string, (string, string)>
        {
            [ReceiverKeys.PagerDutyRoutingKey] = (SecretName("alert-receivers"), ReceiverKeys.PagerDutyRoutingKey),
            [ReceiverKeys.SlackWebhookUrl] = (SecretName("alert-receivers"), ReceiverKeys.SlackWebhookUrl),
            [ReceiverKeys.SmtpPassword] = (SecretName("alert-receivers"), ReceiverKeys.SmtpPassword),
            [ReceiverKeys.RemediationToken] = (SecretName("remediation-token"), "token"),
        });
        var openSearchMaster = sync.Sync("OpenSearchMaster", LoggingNamespace, OpenSearchMasterSecret, new Dictionary<string, (string, string)>
        {
            ["username"] = (SecretName("opensearch-master"), "username"),
            ["password"] = (SecretName("opensearch-master"), "password"),
        });

        Archive = new MetricsArchive(this, "MetricsArchive", new MetricsArchiveProps(
            cluster, observability.Thanos, observability.Charts.Thanos, config.Env, config.Ephemeral, namespaces));
        Metrics = new MetricsPlatform(this, "Metrics", new MetricsPlatformProps(
            cluster, props.Cluster.ClusterName, observability, config.Env, Archive, [namespaces, grafanaAdmin, receivers, Archive.ObjstoreSecret]));
        // Thanos' ServiceMonitors need the operator's CRDs.
        Archive.Chart.Node.AddDependency(Metrics.Chart);
        if (props.RotationFunctionArn is { } rotation)
        {
            GrafanaRotation = new GrafanaRotation(this, "GrafanaRotation", new GrafanaRotationProps(
                cluster, Secrets.GrafanaAdmin, rotation, config.Security.RotationDays, [namespaces, grafanaAdmin, Metrics.Chart]));
        }

        _ = new MonitoringContent(this, "Content", new MonitoringContentProps(cluster, observability.Alerting, Metrics.Chart));

        Logs = new LogDomain(this, "Logs", new LogDomainProps(
            props.Network.Vpc, config.Network.AvailabilityZones, cluster.ClusterSecurityGroupId, observability.Logs,
            Secrets.OpenSearchMaster, config.Env, config.LogRetentionDays, config.Ephemeral));
        _ = new LogShipping(this, "LogShipping", new LogShippingProps(
            cluster, Logs, observability.Logs, observability.Charts.FluentBit, [namespaces, openSearchMaster, Metrics.Chart]));

        _ = new CfnOutput(this, "MetricsBucket", new CfnOutputProps { Value = Archive.Bucket.BucketName });
        _ = new CfnOutput(this, "LogDomainEndpoint", new CfnOutputProps { Value = Logs.Domain.DomainEndpoint });
        _ = new CfnOutput(this, "ReceiversSecret", new CfnOutputProps { Value = Secrets.Receivers.SecretName });
        _ = new CfnOutput(this, "RemediationTokenSecretArn", new CfnOutputProps { Value = Secrets.RemediationToken.SecretArn });
    }

    public ObservabilitySecrets Secrets { get; }

    public MetricsArchive Archive { get; }

    public MetricsPlatform Metrics { get; }

    public LogDomain Logs { get; }

    /// <summary>The Grafana admin secret's rotation schedule and the rotation function's RBAC in monitoring; null without a rotation function.</summary>
    public GrafanaRotation? GrafanaRotation { get; }

    private static JsonObject Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = Kube.Metadata(name),
    };
}
