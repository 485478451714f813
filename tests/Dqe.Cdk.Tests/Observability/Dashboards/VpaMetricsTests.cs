using System.Text.Json.Nodes;
using Dqe.Cdk.Observability.Dashboards;
using Dqe.Cdk.Tests.TestHelpers;
using static Dqe.Cdk.Tests.TestHelpers.TemplateJson;

namespace Dqe.Cdk.Tests.Observability.Dashboards;

public sealed class VpaMetricsTests
{
    [Fact]
    public void KubeStateMetrics_CustomResourceState_ExportsVpaRecommendationsWithReadAccess()
    {
        var ksm = HelmValues(Synth.Env("dev").Observability, "kube-prometheus-stack")["kube-state-metrics"]!;

        Assert.True((bool)ksm["customResourceState"]!["enabled"]!);
        var config = ksm["customResourceState"]!["config"]!;
        Assert.Equal("CustomResourceStateMetrics", (string?)config["kind"]);
        var resource = Assert.Single(config["spec"]!["resources"]!.AsArray())!;
        Assert.Equal("autoscaling.k8s.io", (string?)resource["groupVersionKind"]!["group"]);
        Assert.Equal("VerticalPodAutoscaler", (string?)resource["groupVersionKind"]!["kind"]);
        Assert.Equal(["metadata", "name"], resource["labelsFromPath"]!["verticalpodautoscaler"]!.AsArray().Select(p => (string)p!));
        var rule = Assert.Single(ksm["rbac"]!["extraRules"]!.AsArray())!;
        Assert.Equal(["verticalpodautoscalers"], rule["resources"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(["list", "watch"], rule["verbs"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("general", (string?)ksm["nodeSelector"]!["dqe.io/pool"]);
    }

    [Fact]
    public void CustomResourceState_Metrics_AreTheSeriesTheDashboardQueries()
    {
        var resource = VpaMetrics.CustomResourceState()["spec"]!["resources"]![0]!;
        var prefix = (string)resource["metricNamePrefix"]!;

        // kube-state-metrics names a series <prefix>_<metric name>; each resource/unit pair is its own metric entry.
        var exported = resource["metrics"]!.AsArray()
            .Select(m => ($"{prefix}_{(string)m!["name"]!}", (string)m["commonLabels"]!["resource"]!, (string)m["each"]!["gauge"]!["valueFrom"]![1]!))
            .ToList();

        Assert.Equal(6, exported.Count);
        Assert.All(exported, e => Assert.Equal(e.Item2, e.Item3));
        var queried = DqeDashboards.All.Single(d => d.Uid == "dqe-vpa").PromQl;
        foreach (var metric in new[] { VpaMetrics.Target, VpaMetrics.LowerBound, VpaMetrics.UpperBound })
        {
            Assert.Contains(exported, e => e.Item1 == metric && e.Item2 == "cpu");
            Assert.Contains(exported, e => e.Item1 == metric && e.Item2 == "memory");
            Assert.Contains(queried, q => q.Contains(metric, StringComparison.Ordinal));
        }

        Assert.Contains(queried, q => q.Contains("kube_pod_container_resource_requests", StringComparison.Ordinal) && q.Contains("trino|clickhouse|kafka", StringComparison.Ordinal));
        var valueFrom = resource["metrics"]![0]!["each"]!["gauge"]!["path"]!.AsArray().Select(p => (string)p!);
        Assert.Equal(["status", "recommendation", "containerRecommendations"], valueFrom);
    }
}
