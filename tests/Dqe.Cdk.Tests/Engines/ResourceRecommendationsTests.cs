using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

public sealed class ResourceRecommendationsTests
{
    [Fact]
    public void Chart_PinnedWithOnlyTheRecommender()
    {
        var synth = Synth.Env("dev");

        var chart = synth.EngineResources.Chart("vpa");
        var values = synth.EngineResources.Values("vpa");

        Assert.Equal(synth.Config.Engines.Vpa.ChartVersion, (string?)chart["Version"]);
        Assert.Equal("vpa", (string?)chart["Namespace"]);
        Assert.Equal("https://charts.fairwinds.com/stable", (string?)chart["Repository"]);
        Assert.True((bool)values["recommender"]!["enabled"]!);
        Assert.False((bool)values["updater"]!["enabled"]!);
        Assert.False((bool)values["admissionController"]!["enabled"]!);
        // The subchart's key: the recommender needs metrics.k8s.io, which EKS does not serve by itself.
        Assert.Equal(synth.Config.Engines.Vpa.InstallMetricsServer, (bool)values["metrics-server"]!["enabled"]!);
        Assert.Equal("general", (string?)values["recommender"]!["nodeSelector"]!["dqe.io/pool"]);
    }

    [Theory]
    [InlineData("trino", "Deployment", "trino-coordinator", "trino-coordinator")]
    [InlineData("trino", "Deployment", "trino-worker", "trino-worker")]
    [InlineData("clickhouse", "StatefulSet", "chi-dqe-dqe-0-0", "clickhouse")]
    [InlineData("clickhouse", "StatefulSet", "chi-dqe-dqe-2-1", "clickhouse")]
    [InlineData("clickhouse", "StatefulSet", "chk-dqe-keeper-keeper-0-2", "clickhouse-keeper")]
    [InlineData("kafka", "KafkaNodePool", "brokers", "kafka")]
    public void Autoscaler_EngineWorkload_RecommendsOnlyWithUpdateModeOff(string ns, string kind, string name, string container)
    {
        var vpa = Synth.Env("dev").EngineResources.Object("VerticalPodAutoscaler", name, ns);

        Assert.Equal("autoscaling.k8s.io/v1", (string?)vpa["apiVersion"]);
        Assert.Equal(kind, (string?)vpa["spec"]!["targetRef"]!["kind"]);
        Assert.Equal(name, (string?)vpa["spec"]!["targetRef"]!["name"]);
        Assert.Equal("Off", (string?)vpa["spec"]!["updatePolicy"]!["updateMode"]);
        var policies = vpa["spec"]!["resourcePolicy"]!["containerPolicies"]!.AsArray();
        Assert.Equal(container, (string?)policies[0]!["containerName"]);
        Assert.Equal("Off", (string?)policies[1]!["mode"]);
    }

    [Fact]
    public void Autoscalers_EveryOne_OffAndCoveringEachClickHouseReplicaUpToTheBound()
    {
        var synth = Synth.Env("dev");
        var ch = synth.Config.Engines.ClickHouse;
        var resources = synth.EngineResources;

        var all = resources.OfKind("VerticalPodAutoscaler").ToList();

        Assert.All(all, v => Assert.Equal("Off", (string?)v["spec"]!["updatePolicy"]!["updateMode"]));
        Assert.Equal(ch.Shards * ch.MaxReplicasPerShard, all.Count(v => ((string)v["metadata"]!["name"]!).StartsWith("chi-", StringComparison.Ordinal)));
        Assert.Equal(ch.KeeperNodes, all.Count(v => ((string)v["metadata"]!["name"]!).StartsWith("chk-", StringComparison.Ordinal)));
        Assert.Contains(resources.ChartId("vpa"), resources.DependsOn(resources.ManifestOf("VerticalPodAutoscaler", "trino-worker")));
        Assert.Contains(resources.OfKind("Namespace"), n => (string?)n["metadata"]!["name"] == "vpa");
    }
}
