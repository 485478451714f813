using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Constructs;
using Dqe.Cdk.Config;
using Dqe.Cdk.Observability.Alertmanager;
using Dqe.Cdk.Observability.Dashboards;
using Dqe.Cdk.Platform;
using static Dqe.Cdk.Observability.ObservabilityNames;

namespace Dqe.Cdk.Observability;

/// <summary>
/// kube-prometheus-stack: Prometheus (30-day retention, Thanos sidecar uploading to the archive), Alertmanager
/// with the generated configuration and the receivers secret mounted, and Grafana with Prometheus, Thanos and
/// CloudWatch datasources, viewers-only sign-in and the admin password from a synced secret.
/// </summary>
public sealed class MetricsPlatform : Construct
{
    /// <summary>The kube-prometheus-stack default rules replaced by Dqe rules that carry remediation labels.</summary>
    public static IReadOnlyList<string> ReplacedDefaultRules { get; } = ["KubeNodeNotReady", "KubePodCrashLooping", "KubePersistentVolumeFillingUp"];

    public MetricsPlatform(Construct scope, string id, MetricsPlatformProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var prometheusRole = new IrsaRole(this, "PrometheusRole", new IrsaRoleProps(props.Cluster, MonitoringNamespace, PrometheusServiceAccount)).Role;
        props.Archive.GrantReadWrite(prometheusRole);

        var grafanaRole = new IrsaRole(this, "GrafanaRole", new IrsaRoleProps(props.Cluster, MonitoringNamespace, GrafanaServiceAccount)).Role;
        // CloudWatch metric reads have no resource-level permissions; this is read-only.
        grafanaRole.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions =
            [
                "cloudwatch:DescribeAlarmsForMetric", "cloudwatch:DescribeAlarmHistory", "cloudwatch:DescribeAlarms",
                "cloudwatch:ListMetrics", "cloudwatch:GetMetricData", "cloudwatch:GetInsightRuleReport",
                "logs:DescribeLogGroups", "logs:GetLogGroupFields", "logs:StartQuery", "logs:StopQuery", "logs:GetQueryResults", "logs:GetLogEvents",
                "ec2:DescribeTags", "ec2:DescribeInstances", "ec2:DescribeRegions", "tag:GetResources",
            ],
            Resources = ["*"],
        }));

        var region = Stack.Of(this).Region;
        var values = Values(props, prometheusRole.RoleArn, grafanaRole.RoleArn, region);
        Chart = Kube.Chart(this, "Chart", props.Cluster,
            new HelmRelease("kube-prometheus-stack", "https://prometheus-community.github.io/helm-charts",
                props.Config.Charts.KubePrometheusStack, MonitoringNamespace, PrometheusRelease),
            values);
        foreach (var prerequisite in props.Prerequisites)
        {
            Chart.Node.AddDependency(prerequisite);
        }
    }

    public HelmChart Chart { get; }

    internal static JsonObject Values(MetricsPlatformProps props, string prometheusRoleArn, string grafanaRoleArn, string region)
    {
        var config = props.Config;
        var disabled = new JsonObject();
        foreach (var rule in ReplacedDefaultRules)
        {
            disabled[rule] = true;
        }

        return new JsonObject
        {
            ["crds"] = new JsonObject { ["enabled"] = true },
            ["defaultRules"] = new JsonObject { ["create"] = true, ["disabled"] = disabled },
            ["prometheusOperator"] = new JsonObject { ["nodeSelector"] = Kube.GeneralPool() },
            // Also exports the engines' VPA recommendations (the resource recommendations dashboard).
            ["kube-state-metrics"] = VpaMetrics.KubeStateMetricsValues(Kube.GeneralPool()),
            // Node metrics from every node, the tainted analytics pool included.
            ["prometheus-node-exporter"] = new JsonObject { ["tolerations"] = new JsonArray(new JsonObject { ["operator"] = "Exists" }) },
            ["prometheus"] = Prometheus(props, config, prometheusRoleArn),
            ["alertmanager"] = new JsonObject
            {
                ["config"] = AlertmanagerConfigRenderer.Render(AlertmanagerConfigBuilder.Build(config.Alerting)),
                ["alertmanagerSpec"] = new JsonObject
                {
                    ["replicas"] = 2,
                    ["secrets"] = new JsonArray(AlertmanagerSecret),
                    ["nodeSelector"] = Kube.GeneralPool(),
                    // Silences and the notification log survive restarts on their own volume.
                    ["storage"] = VolumeClaim(10),
                },
            },
            ["grafana"] = Grafana(grafanaRoleArn, region),
        };
    }

    private static JsonObject Prometheus(MetricsPlatformProps props, ObservabilityConfig config, string roleArn) => new()
    {
        ["serviceAccount"] = new JsonObject { ["create"] = true, ["name"] = PrometheusServiceAccount, ["annotations"] = Kube.IrsaAnnotation(roleArn) },
        // The discovery service Thanos Query finds the sidecar through.
        ["thanosService"] = new JsonObject { ["enabled"] = true },
        ["prometheusSpec"] = new JsonObject
        {
            ["retention"] = $"{config.PrometheusRetentionDays}d",
            ["retentionSize"] = $"{config.PrometheusStorageGb * 9 / 10}GB",
            // Pick up every PrometheusRule/ServiceMonitor/PodMonitor, not only those labelled with this release.
            ["ruleSelectorNilUsesHelmValues"] = false,
            ["serviceMonitorSelectorNilUsesHelmValues"] = false,
            ["podMonitorSelectorNilUsesHelmValues"] = false,
            ["externalLabels"] = new JsonObject { ["cluster"] = props.ClusterName, ["env"] = props.EnvName },
            ["nodeSelector"] = Kube.GeneralPool(),
            ["storageSpec"] = VolumeClaim(config.PrometheusStorageGb),
            // The sidecar uploads 2-hour blocks; local compaction would hide them from Thanos' compactor.
            ["disableCompaction"] = true,
            ["thanos"] = new JsonObject
            {
                ["objectStorageConfig"] = new JsonObject
                {
                    ["existingSecret"] = new JsonObject { ["name"] = ThanosObjstoreSecret, ["key"] = ThanosObjstoreKey },
                },
            },
        },
    };

    private static JsonObject Grafana(string roleArn, string region) => new()
    {
        // The Deployment the password rotation restarts (and its Service) by a fixed name.
        ["fullnameOverride"] = GrafanaDeployment,
        ["admin"] = new JsonObject { ["existingSecret"] = GrafanaAdminSecret, ["userKey"] = "admin-user", ["passwordKey"] = "admin-password" },
        ["serviceAccount"] = new JsonObject { ["create"] = true, ["name"] = GrafanaServiceAccount, ["annotations"] = Kube.IrsaAnnotation(roleArn) },
        ["nodeSelector"] = Kube.GeneralPool(),
        ["grafana.ini"] = new JsonObject
        {
            ["users"] = new JsonObject { ["allow_sign_up"] = false, ["auto_assign_org_role"] = "Viewer", ["viewers_can_edit"] = false },
            ["auth.anonymous"] = new JsonObject { ["enabled"] = false },
            ["security"] = new JsonObject { ["cookie_secure"] = true, ["disable_gravatar"] = true },
        },
        ["sidecar"] = new JsonObject
        {
            ["dashboards"] = new JsonObject { ["enabled"] = true, ["label"] = DashboardLabel, ["labelValue"] = "1", ["searchNamespace"] = MonitoringNamespace },
            ["datasources"] = new JsonObject { ["enabled"] = true, ["defaultDatasourceEnabled"] = true, ["uid"] = Datasources.Prometheus },
        },
        ["additionalDataSources"] = new JsonArray(
            new JsonObject { ["name"] = "Thanos", ["uid"] = Datasources.Thanos, ["type"] = "prometheus", ["access"] = "proxy", ["url"] = MetricsArchive.QueryUrl },
            new JsonObject
            {
                ["name"] = "CloudWatch",
                ["uid"] = Datasources.CloudWatch,
                ["type"] = "cloudwatch",
                // "default": the AWS SDK chain, i.e. the IRSA role of Grafana's service account; no keys.
                ["jsonData"] = new JsonObject { ["authType"] = "default", ["defaultRegion"] = region },
            }),
    };

    private static JsonObject VolumeClaim(int gib) => new()
    {
        ["volumeClaimTemplate"] = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["storageClassName"] = EbsCsiDriver.StorageClassName,
                ["accessModes"] = new JsonArray("ReadWriteOnce"),
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = $"{gib}Gi" } },
            },
        },
    };
}
