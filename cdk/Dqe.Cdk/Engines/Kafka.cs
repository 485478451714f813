using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Engines;

/// <param name="Context">Cluster, namespaces, environment.</param>
/// <param name="Config">Operator and broker settings.</param>
/// <param name="TrinoTopics">Topics Trino's kafka catalog reads (its user's ACLs).</param>
public sealed record KafkaProps(EngineContext Context, KafkaConfig Config, IReadOnlyList<string> TrinoTopics);

/// <summary>
/// Strimzi operator and a KRaft Kafka cluster: brokers (each also a controller) one per analytics node and
/// spread over zones, rack-aware replica placement, a mutual-TLS listener with ACLs (one KafkaUser per
/// client engine, read-only on its topics), JMX metrics and the ingestion topic.
/// </summary>
public sealed class Kafka : Construct
{
    public const string ClusterName = "dqe";
    public const string PoolName = "brokers";
    public const int TlsPort = 9093;

    /// <summary>KafkaUser (and certificate secret) of Trino's kafka catalog.</summary>
    public const string TrinoUser = "trino";

    /// <summary>KafkaUser (and certificate secret) of the Spark ingestion flow.</summary>
    public const string SparkUser = "spark";

    /// <summary>Spark's Kafka source names its consumer groups with this prefix.</summary>
    public const string SparkGroupPrefix = "spark-kafka-source-";

    public static IReadOnlyList<string> ClientUsers => [TrinoUser, SparkUser];

    /// <summary>Secret Strimzi writes the cluster CA certificate to (ca.crt, ca.p12, ca.password); clients trust it.</summary>
    public const string ClusterCaSecret = ClusterName + "-cluster-ca-cert";

    /// <summary>Bootstrap address of the TLS listener from any namespace.</summary>
    public static string Bootstrap => $"{ClusterName}-kafka-bootstrap.{EngineNamespaces.Kafka}.svc:{TlsPort}";

    public Kafka(Construct scope, string id, KafkaProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var ns = EngineNamespaces.Kafka;
        Operator = Kube.Chart(this, "Operator", props.Context.Cluster,
            new HelmRelease("strimzi-kafka-operator", "https://strimzi.io/charts/", config.OperatorChartVersion, ns, "strimzi"),
            new StrimziValues(Kube.GeneralNodeSelector, Kube.Resources(new PodResourcesConfig { MemoryGib = 1, Cpu = 1 }), WatchAnyNamespace: false, LogLevel: "INFO"));
        Operator.Node.AddDependency(props.Context.Namespaces.Manifest);

        var brokers = Kube.Labels(("strimzi.io/cluster", ClusterName), ("strimzi.io/pool-name", PoolName));
        var replication = Math.Min(3, config.Brokers);
        var resources = new List<object>
        {
            new
            {
                apiVersion = "v1",
                kind = "ConfigMap",
                metadata = new { name = "kafka-metrics", @namespace = ns },
                data = new Dictionary<string, string> { ["kafka-metrics-config.yml"] = MetricsRules() },
            },
            new
            {
                apiVersion = "kafka.strimzi.io/v1beta2",
                kind = "KafkaNodePool",
                metadata = new { name = PoolName, @namespace = ns, labels = Kube.Labels(("strimzi.io/cluster", ClusterName)) },
                spec = new
                {
                    replicas = config.Brokers,
                    roles = new[] { "controller", "broker" },
                    resources = Kube.Resources(config.Resources),
                    storage = new
                    {
                        type = "jbod",
                        volumes = new[] { new { id = 0, type = "persistent-claim", size = Kube.Memory(config.StorageGib), @class = "gp3", deleteClaim = false, kraftMetadata = "shared" } },
                    },
                    template = new
                    {
                        pod = new
                        {
                            affinity = new
                            {
                                nodeAffinity = Kube.PoolNodeAffinity("analytics"),
                                podAntiAffinity = Kube.HostAntiAffinity(brokers),
                            },
                            tolerations = Kube.AnalyticsTolerations,
                            topologySpreadConstraints = Kube.ZoneSpread(brokers, hard: true),
                        },
                    },
                },
            },
            new
            {
                apiVersion = "kafka.strimzi.io/v1beta2",
                kind = "Kafka",
                metadata = new
                {
                    name = ClusterName,
                    @namespace = ns,
                    annotations = new Dictionary<string, string> { ["strimzi.io/node-pools"] = "enabled", ["strimzi.io/kraft"] = "enabled" },
                },
                spec = new
                {
                    kafka = new
                    {
                        version = config.KafkaVersion,
                        listeners = new[]
                        {
                            new
                            {
                                name = "tls",
                                port = TlsPort,
                                type = "internal",
                                tls = true,
                                authentication = new { type = "tls" },
                                // Strimzi writes its own NetworkPolicy for the listener; without peers it would admit every namespace.
                                networkPolicyPeers = new[] { ClientNamespace(EngineNamespaces.Trino), ClientNamespace(EngineNamespaces.Spark) },
                            },
                        },
                        // Only operator-managed users with ACLs; Strimzi's own components are super users.
                        authorization = new { type = "simple" },
                        // Replicas of a partition land in different zones (broker.rack = zone).
                        rack = new { topologyKey = Kube.ZoneKey },
                        config = new Dictionary<string, object>
                        {
                            ["default.replication.factor"] = replication,
                            ["min.insync.replicas"] = Math.Max(1, replication - 1),
                            ["offsets.topic.replication.factor"] = replication,
                            ["transaction.state.log.replication.factor"] = replication,
                            ["transaction.state.log.min.isr"] = Math.Max(1, replication - 1),
                            ["auto.create.topics.enable"] = false,
                        },
                        metricsConfig = new
                        {
                            type = "jmxPrometheusExporter",
                            valueFrom = new { configMapKeyRef = new { name = "kafka-metrics", key = "kafka-metrics-config.yml" } },
                        },
                    },
                    entityOperator = new
                    {
                        topicOperator = new { },
                        userOperator = new { },
                        template = new { pod = new { affinity = new { nodeAffinity = Kube.PoolNodeAffinity("general") } } },
                    },
                    kafkaExporter = new
                    {
                        topicRegex = ".*",
                        groupRegex = ".*",
                        template = new { pod = new { affinity = new { nodeAffinity = Kube.PoolNodeAffinity("general") } } },
                    },
                },
            },
            new
            {
                apiVersion = "kafka.strimzi.io/v1beta2",
                kind = "KafkaTopic",
                metadata = new { name = config.IngestionTopic, @namespace = ns, labels = Kube.Labels(("strimzi.io/cluster", ClusterName)) },
                spec = new
                {
                    partitions = config.IngestionPartitions,
                    replicas = replication,
                    config = new Dictionary<string, object> { ["min.insync.replicas"] = Math.Max(1, replication - 1), ["retention.ms"] = 7 * 24 * 3600 * 1000L },
                },
            },
        };
        resources.Add(User(TrinoUser, [.. props.TrinoTopics.Select(t => TopicAcl(t))]));
        resources.Add(User(SparkUser,
        [
            TopicAcl(config.IngestionTopic),
            new { resource = new { type = "group", name = SparkGroupPrefix, patternType = "prefix" }, operations = new[] { "Read" } },
        ]));
        if (props.Context.Monitoring.ServiceMonitors)
        {
            resources.Add(Kube.PodMonitor("kafka-brokers", ns, props.Context.Monitoring, brokers, "tcp-prometheus"));
            resources.Add(Kube.PodMonitor("kafka-exporter", ns, props.Context.Monitoring,
                Kube.Labels(("strimzi.io/cluster", ClusterName), ("strimzi.io/kind", "Kafka"), ("strimzi.io/name", $"{ClusterName}-kafka-exporter")), "tcp-prometheus"));
        }

        Resources = Kube.Apply(this, "Cluster", props.Context.Cluster, [.. resources]);
        Resources.Node.AddDependency(Operator);
    }

    public HelmChart Operator { get; }

    /// <summary>The Kafka, KafkaNodePool and KafkaTopic resources.</summary>
    public KubernetesManifest Resources { get; }

    private static object User(string name, object[] acls) => new
    {
        apiVersion = "kafka.strimzi.io/v1beta2",
        kind = "KafkaUser",
        metadata = new { name, @namespace = EngineNamespaces.Kafka, labels = Kube.Labels(("strimzi.io/cluster", ClusterName)) },
        spec = new { authentication = new { type = "tls" }, authorization = new { type = "simple", acls } },
    };

    private static object TopicAcl(string topic) =>
        new { resource = new { type = "topic", name = topic, patternType = "literal" }, operations = new[] { "Read", "Describe" } };

    private static object ClientNamespace(string ns) =>
        new { namespaceSelector = new { matchLabels = Kube.Labels(("kubernetes.io/metadata.name", ns)) } };

    // The exporter config is generated from typed data, never hand-written YAML.
    private static string MetricsRules() => Kube.ConfigFile(new Dictionary<string, object>
    {
        ["lowercaseOutputName"] = true,
        ["rules"] = new object[]
        {
            new Dictionary<string, object>
            {
                ["pattern"] = @"kafka.server<type=(.+), name=(.+)PerSec\w*, topic=(.+)><>Count",
                ["name"] = "kafka_server_$1_$2_total",
                ["type"] = "COUNTER",
                ["labels"] = new Dictionary<string, string> { ["topic"] = "$3" },
            },
            new Dictionary<string, string> { ["pattern"] = @"kafka.server<type=(.+), name=(.+)PerSec\w*><>Count", ["name"] = "kafka_server_$1_$2_total", ["type"] = "COUNTER" },
            new Dictionary<string, string> { ["pattern"] = @"kafka.server<type=(.+), name=(.+)><>Value", ["name"] = "kafka_server_$1_$2", ["type"] = "GAUGE" },
            new Dictionary<string, string> { ["pattern"] = @"kafka.controller<type=(.+), name=(.+)><>Value", ["name"] = "kafka_controller_$1_$2", ["type"] = "GAUGE" },
        },
    });
}
