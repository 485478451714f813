using System.Text.Json.Nodes;

namespace Dqe.Cdk.Observability.Dashboards;

/// <summary>
/// VPA recommendations as Prometheus series: kube-state-metrics' custom resource state exports each
/// VerticalPodAutoscaler's status.recommendation (target, lowerBound, upperBound per container and resource) under
/// these names, and the resource recommendations dashboard charts them next to the pods' requests.
/// </summary>
public static class VpaMetrics
{
    public const string Prefix = "kube_customresource";

    /// <summary>Recommended request; labels namespace, verticalpodautoscaler, target_kind, target_name, container, resource, unit.</summary>
    public const string Target = Prefix + "_vpa_containerrecommendations_target";

    public const string LowerBound = Prefix + "_vpa_containerrecommendations_lowerbound";

    public const string UpperBound = Prefix + "_vpa_containerrecommendations_upperbound";

    /// <summary>kube-prometheus-stack values of its kube-state-metrics subchart: the custom resource config and read access to VPAs.</summary>
    public static JsonObject KubeStateMetricsValues(JsonObject nodeSelector) => new()
    {
        ["nodeSelector"] = nodeSelector,
        ["customResourceState"] = new JsonObject { ["enabled"] = true, ["config"] = CustomResourceState() },
        ["rbac"] = new JsonObject
        {
            ["extraRules"] = new JsonArray(new JsonObject
            {
                ["apiGroups"] = new JsonArray("autoscaling.k8s.io"),
                ["resources"] = new JsonArray("verticalpodautoscalers"),
                ["verbs"] = new JsonArray("list", "watch"),
            }),
        },
    };

    internal static JsonObject CustomResourceState()
    {
        var metrics = new JsonArray();
        foreach (var (name, field) in new[] { (Target, "target"), (LowerBound, "lowerBound"), (UpperBound, "upperBound") })
        {
            foreach (var (resource, unit) in new[] { ("cpu", "core"), ("memory", "byte") })
            {
                metrics.Add(new JsonObject
                {
                    ["name"] = name[(Prefix.Length + 1)..],
                    ["help"] = $"VPA {field} recommendation of {resource} per container",
                    ["commonLabels"] = new JsonObject { ["resource"] = resource, ["unit"] = unit },
                    ["each"] = new JsonObject
                    {
                        ["type"] = "Gauge",
                        ["gauge"] = new JsonObject
                        {
                            ["path"] = new JsonArray("status", "recommendation", "containerRecommendations"),
                            ["valueFrom"] = new JsonArray(field, resource),
                            ["labelsFromPath"] = new JsonObject { ["container"] = new JsonArray("containerName") },
                        },
                    },
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "CustomResourceStateMetrics",
            ["spec"] = new JsonObject
            {
                ["resources"] = new JsonArray(new JsonObject
                {
                    ["groupVersionKind"] = new JsonObject { ["group"] = "autoscaling.k8s.io", ["kind"] = "VerticalPodAutoscaler", ["version"] = "v1" },
                    ["metricNamePrefix"] = Prefix,
                    ["labelsFromPath"] = new JsonObject
                    {
                        ["verticalpodautoscaler"] = new JsonArray("metadata", "name"),
                        ["namespace"] = new JsonArray("metadata", "namespace"),
                        ["target_kind"] = new JsonArray("spec", "targetRef", "kind"),
                        ["target_name"] = new JsonArray("spec", "targetRef", "name"),
                    },
                    ["metrics"] = metrics,
                }),
            },
        };
    }
}
