using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

public sealed class KafkaTests
{
    [Fact]
    public void Operator_Strimzi_PinnedVersion()
    {
        var synth = Synth.Env("dev");

        var chart = synth.EngineResources.Chart("strimzi-kafka-operator");

        Assert.Equal(synth.Config.Engines.Kafka.OperatorChartVersion, (string?)chart["Version"]);
        Assert.Equal("kafka", (string?)chart["Namespace"]);
    }

    [Fact]
    public void Cluster_KRaft_NodePoolOfThreeBrokersSpreadOverZonesAndNodes()
    {
        var resources = Synth.Env("dev").EngineResources;

        var pool = resources.Object("KafkaNodePool", "brokers", "kafka");
        Assert.Equal(3, (int)pool["spec"]!["replicas"]!);
        Assert.Equal(["controller", "broker"], pool["spec"]!["roles"]!.AsArray().Select(r => (string)r!));
        var pod = pool["spec"]!["template"]!["pod"]!;
        var spread = Assert.Single(pod["topologySpreadConstraints"]!.AsArray())!;
        Assert.Equal("topology.kubernetes.io/zone", (string?)spread["topologyKey"]);
        Assert.Equal("DoNotSchedule", (string?)spread["whenUnsatisfiable"]);
        Assert.Equal("kubernetes.io/hostname", (string?)pod["affinity"]!["podAntiAffinity"]!["requiredDuringSchedulingIgnoredDuringExecution"]![0]!["topologyKey"]);
        var kafka = resources.Object("Kafka", "dqe", "kafka");
        Assert.Equal("enabled", (string?)kafka["metadata"]!["annotations"]!["strimzi.io/kraft"]);
        Assert.Equal("enabled", (string?)kafka["metadata"]!["annotations"]!["strimzi.io/node-pools"]);
        Assert.Equal("topology.kubernetes.io/zone", (string?)kafka["spec"]!["kafka"]!["rack"]!["topologyKey"]);
        Assert.Equal(2, (int)kafka["spec"]!["kafka"]!["config"]!["min.insync.replicas"]!);
    }

    [Fact]
    public void Cluster_Listeners_MutualTlsOnlyAndLimitedToClientNamespaces()
    {
        var kafka = Synth.Env("dev").EngineResources.Object("Kafka", "dqe", "kafka");

        var listener = Assert.Single(kafka["spec"]!["kafka"]!["listeners"]!.AsArray())!;
        Assert.True((bool)listener["tls"]!);
        Assert.Equal("tls", (string?)listener["authentication"]!["type"]);
        Assert.Equal("simple", (string?)kafka["spec"]!["kafka"]!["authorization"]!["type"]);
        Assert.Equal(9093, (int)listener["port"]!);
        Assert.Equal(["trino", "spark"], listener["networkPolicyPeers"]!.AsArray().Select(p => (string)p!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!));
    }

    [Fact]
    public void Cluster_Metrics_JmxExporterAndPodMonitors()
    {
        var resources = Synth.Env("dev").EngineResources;

        var kafka = resources.Object("Kafka", "dqe", "kafka");
        Assert.Equal("jmxPrometheusExporter", (string?)kafka["spec"]!["kafka"]!["metricsConfig"]!["type"]);
        Assert.NotNull(resources.Object("ConfigMap", "kafka-metrics", "kafka")["data"]!["kafka-metrics-config.yml"]);
        _ = resources.Object("PodMonitor", "kafka-brokers", "kafka");
        _ = resources.Object("PodMonitor", "kafka-exporter", "kafka");
    }

    [Fact]
    public void Topic_Ingestion_ReplicatedThreeWays()
    {
        var synth = Synth.Env("dev");

        var topic = synth.EngineResources.Object("KafkaTopic", synth.Config.Engines.Kafka.IngestionTopic, "kafka");

        Assert.Equal(3, (int)topic["spec"]!["replicas"]!);
        Assert.Equal(synth.Config.Engines.Kafka.IngestionPartitions, (int)topic["spec"]!["partitions"]!);
    }

    [Theory]
    [InlineData("trino")]
    [InlineData("spark")]
    public void Users_ClientEngines_ReadOnlyOnTheirTopics(string user)
    {
        var synth = Synth.Env("dev");

        var kafkaUser = synth.EngineResources.Object("KafkaUser", user, "kafka");

        Assert.Equal("tls", (string?)kafkaUser["spec"]!["authentication"]!["type"]);
        var acls = kafkaUser["spec"]!["authorization"]!["acls"]!.AsArray();
        var topicAcl = Assert.Single(acls, a => (string?)a!["resource"]!["type"] == "topic")!;
        Assert.Equal("events", (string?)topicAcl["resource"]!["name"]);
        Assert.Equal(["Read", "Describe"], topicAcl["operations"]!.AsArray().Select(o => (string)o!));
        Assert.DoesNotContain(acls, a => a!["operations"]!.AsArray().Any(o => (string?)o is "Write" or "All" or "Alter" or "Delete"));
        var client = synth.EngineResources.Object("ExternalSecret", "kafka-client", user);
        Assert.Contains(client["spec"]!["data"]!.AsArray(), d => (string?)d!["remoteRef"]!["key"] == user && (string?)d!["secretKey"] == "user.p12");
    }
}
