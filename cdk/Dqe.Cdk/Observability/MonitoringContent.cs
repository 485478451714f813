using System.Text.Json.Nodes;
using Constructs;
using Dqe.Cdk.Observability.Dashboards;
using Dqe.Cdk.Observability.Rules;
using static Dqe.Cdk.Observability.ObservabilityNames;

namespace Dqe.Cdk.Observability;

/// <summary>
/// What Prometheus and Grafana load: the Dqe alert rules (PrometheusRule), the engines' PodMonitor (pods
/// labelled dqe.io/metrics: "true" in the engine namespaces, port "metrics") and the dashboards as ConfigMaps.
/// </summary>
public sealed class MonitoringContent : Construct
{
    public const string RuleName = "dqe-alerts";
    public const string EnginesMonitorName = "dqe-engines";

    public MonitoringContent(Construct scope, string id, MonitoringContentProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var rules = RuleFileRenderer.Render(DqeAlertRules.For(props.Alerting.Thresholds), props.Alerting.RunbookBaseUrl);
        var monitoring = Kube.Manifest(this, "Rules", props.Cluster,
            new JsonObject
            {
                ["apiVersion"] = "monitoring.coreos.com/v1",
                ["kind"] = "PrometheusRule",
                ["metadata"] = Kube.Metadata(RuleName, MonitoringNamespace, new JsonObject { ["release"] = PrometheusRelease }),
                ["spec"] = rules,
            },
            EnginesPodMonitor());
        monitoring.Node.AddDependency(props.Operator);

        var dashboards = Kube.Manifest(this, "Dashboards", props.Cluster, [.. DqeDashboards.All.Select(ConfigMap)]);
        dashboards.Node.AddDependency(props.Operator);
    }

    internal static JsonObject EnginesPodMonitor() => new()
    {
        ["apiVersion"] = "monitoring.coreos.com/v1",
        ["kind"] = "PodMonitor",
        ["metadata"] = Kube.Metadata(EnginesMonitorName, MonitoringNamespace),
        ["spec"] = new JsonObject
        {
            ["namespaceSelector"] = new JsonObject { ["matchNames"] = new JsonArray([.. EngineNamespaces.Select(n => JsonValue.Create(n))]) },
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { [MetricsLabel] = "true" } },
            ["podMetricsEndpoints"] = new JsonArray(new JsonObject
            {
                ["port"] = MetricsPortName,
                ["path"] = "/metrics",
                ["interval"] = "30s",
                ["relabelings"] = new JsonArray(new JsonObject
                {
                    ["sourceLabels"] = new JsonArray("__meta_kubernetes_namespace"),
                    ["targetLabel"] = "engine",
                }),
            }),
        },
    };

    private static JsonObject ConfigMap(Dashboard dashboard) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = Kube.Metadata(dashboard.Uid, MonitoringNamespace, new JsonObject { [DashboardLabel] = "1" }),
        ["data"] = new JsonObject { [$"{dashboard.Uid}.json"] = dashboard.Json.ToJsonString() },
    };
}
