using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

public sealed class EnginesStackTests
{
    [Theory]
    [InlineData("ClickHouseInstallation", "dqe", "altinity-clickhouse-operator")]
    [InlineData("ClickHouseKeeperInstallation", "dqe-keeper", "altinity-clickhouse-operator")]
    [InlineData("Kafka", "dqe", "strimzi-kafka-operator")]
    [InlineData("KafkaNodePool", "brokers", "strimzi-kafka-operator")]
    [InlineData("ClusterIssuer", "dqe-ca", "cert-manager")]
    public void CustomResource_AppliedAfterItsOperatorChart(string kind, string name, string chart)
    {
        var resources = Synth.Env("dev").EngineResources;

        Assert.Contains(resources.ChartId(chart), resources.DependsOn(resources.ManifestOf(kind, name)));
    }

    [Theory]
    [InlineData("altinity-clickhouse-operator", true)]
    [InlineData("strimzi-kafka-operator", true)]
    [InlineData("spark-operator", true)]
    [InlineData("cert-manager", true)]
    [InlineData("trino", false)]
    public void Chart_Operators_WaitUntilReadyEnginesDoNot(string chart, bool wait)
    {
        var release = Synth.Env("dev").EngineResources.Chart(chart);

        Assert.Equal(wait, (bool?)release["Wait"] ?? false);
    }

    [Fact]
    public void Namespaces_OnePerEngineWithPodSecurityBaseline()
    {
        var namespaces = Synth.Env("dev").EngineResources.OfKind("Namespace").ToDictionary(n => (string)n["metadata"]!["name"]!);

        foreach (var ns in new[] { "trino", "clickhouse", "spark", "kafka" })
        {
            Assert.Equal("baseline", (string?)namespaces[ns]["metadata"]!["labels"]!["pod-security.kubernetes.io/enforce"]);
            Assert.Equal(ns, (string?)namespaces[ns]["metadata"]!["labels"]!["dqe.io/engine"]);
        }
    }

    [Fact]
    public void Stack_DependsOnPlatformOnly()
    {
        var stacks = Synth.Env("dev").Stacks;

        Assert.Contains(stacks.Platform, stacks.Engines.Dependencies);
        Assert.DoesNotContain(stacks.Engines, stacks.Platform.Dependencies);
    }
}
