using Amazon.CDK.AWS.EKS;
using Constructs;

namespace Dqe.Cdk.Engines;

/// <summary>
/// Default deny (ingress and egress) in every engine namespace, then explicit allows: DNS, HTTPS to AWS APIs
/// and the Kubernetes API, Trino coordinator and workers, ClickHouse servers and Keeper, clients (automation
/// functions' subnets, Grafana) on the engines' client ports, Kafka and MinIO from their consumers, and
/// Prometheus scrapes. Enforcement is switched on in the VPC CNI add-on.
/// </summary>
public sealed class EngineNetworkPolicies : Construct
{
    public const string DefaultDeny = "default-deny";

    public EngineNetworkPolicies(Construct scope, string id, EngineNetworkPoliciesProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        // The VPC CNI ignores NetworkPolicies unless its network policy agent is enabled.
        Enforcement = new CfnAddon(this, "VpcCni", new CfnAddonProps
        {
            AddonName = "vpc-cni",
            ClusterName = props.Cluster.ClusterName,
            ResolveConflicts = "OVERWRITE",
            ConfigurationValues = "{\"enableNetworkPolicy\":\"true\"}",
        });

        var monitoring = props.MonitoringNamespace;
        var withMinIo = props.Namespaces.Names.Contains(EngineNamespaces.MinIo);
        var clients = props.ClientCidrs.Select(Cidr).Append(Pods(monitoring, ("app.kubernetes.io/name", "grafana"))).ToArray();
        var policies = new List<object>();
        foreach (var ns in props.Namespaces.Names)
        {
            policies.Add(Policy(DefaultDeny, ns, new { }, ["Ingress", "Egress"]));
            policies.Add(Policy("allow-dns", ns, new { }, ["Egress"], egress:
                [new { to = new[] { Pods("kube-system", ("k8s-app", "kube-dns")) }, ports = new[] { new { protocol = "UDP", port = 53 }, new { protocol = "TCP", port = 53 } } }]));
            // AWS APIs (S3, Glue, STS, Secrets Manager) and the Kubernetes API for operators: HTTPS only.
            policies.Add(Policy("allow-https-egress", ns, new { }, ["Egress"], egress: [To([Cidr("0.0.0.0/0")], 443)]));
            policies.Add(Policy("allow-egress-within-namespace", ns, new { }, ["Egress"], egress: [new { to = new[] { new { podSelector = new { } } } }]));
            policies.Add(Policy("allow-prometheus-scrape", ns, new { }, ["Ingress"], ingress:
                [From([Pods(monitoring, ("app.kubernetes.io/name", "prometheus"))], MetricsPorts(ns))]));
        }

        policies.AddRange(TrinoPolicies(clients, props.VpcCidr, props.PostgresPort, withMinIo, props.TrinoInternalTls));
        policies.AddRange(ClickHousePolicies(clients, withMinIo, props.ClickHouseInterserverTls));
        policies.AddRange(KafkaPolicies());
        policies.AddRange(SparkPolicies(props.VpcCidr, withMinIo));
        if (withMinIo)
        {
            policies.Add(WithinNamespace(EngineNamespaces.MinIo));
            policies.Add(Policy("minio-clients", EngineNamespaces.MinIo, new { }, ["Ingress"], ingress:
                [From([Namespace(EngineNamespaces.Trino), Namespace(EngineNamespaces.ClickHouse), Namespace(EngineNamespaces.Spark)], MinIo.ApiPort)]));
        }

        Manifest = Kube.Apply(this, "Policies", props.Cluster, [.. policies]);
        Manifest.Node.AddDependency(props.Namespaces.Manifest);
    }

    public CfnAddon Enforcement { get; }

    public KubernetesManifest Manifest { get; }

    private static IEnumerable<object> TrinoPolicies(object[] clients, string vpcCidr, int postgresPort, bool withMinIo, bool internalTls)
    {
        var ns = EngineNamespaces.Trino;
        // With internal TLS the plain port serves only pod-local callers (probes, the shutdown hook).
        yield return Policy("trino-coordinator-workers", ns, Selector(Trino.PodLabels), ["Ingress"], ingress:
            [From([new { podSelector = Selector(Trino.PodLabels) }], internalTls ? Trino.HttpsPort : Trino.HttpPort)]);
        yield return Policy("trino-clients", ns, Selector(Trino.CoordinatorLabels), ["Ingress"], ingress: [From(clients, Trino.HttpsPort)]);
        var egress = new List<object> { To([Namespace(EngineNamespaces.Kafka)], Kafka.TlsPort), To([Cidr(vpcCidr)], postgresPort) };
        if (withMinIo)
        {
            egress.Add(To([Namespace(EngineNamespaces.MinIo)], MinIo.ApiPort));
        }

        yield return Policy("trino-services", ns, Selector(Trino.PodLabels), ["Egress"], egress: [.. egress]);
    }

    private static IEnumerable<object> ClickHousePolicies(object[] clients, bool withMinIo, bool interserverTls)
    {
        var ns = EngineNamespaces.ClickHouse;
        var servers = new { podSelector = Selector(ClickHouseInstallationManifest.PodLabels) };
        var keeper = new { podSelector = Selector(ClickHouseKeeperManifest.PodLabels) };
        var op = new { podSelector = Selector(Kube.Labels(("app.kubernetes.io/name", "altinity-clickhouse-operator"))) };
        yield return Policy("clickhouse-keeper", ns, Selector(ClickHouseKeeperManifest.PodLabels), ["Ingress"], ingress: interserverTls
            // Servers on the secure client port, members on Raft (TLS), the operator alone on the plain client port.
            ? [From([servers], ClickHouseInterserverTls.KeeperSecurePort), From([keeper], ClickHouseKeeperManifest.RaftPort), From([op], ClickHouseKeeperManifest.ClientPort)]
            : [From([servers, keeper, op], ClickHouseKeeperManifest.ClientPort, ClickHouseKeeperManifest.RaftPort)]);
        yield return Policy("clickhouse-replication", ns, Selector(ClickHouseInstallationManifest.PodLabels), ["Ingress"], ingress: interserverTls
            // Replicas: secure native (distributed queries) and HTTPS replication; the operator's own queries on HTTP.
            ? [From([servers], ClickHouseInstallationManifest.SecureNativePort, ClickHouseInterserverTls.InterserverHttpsPort), From([op], ClickHouseInstallationManifest.HttpPort)]
            : [From([servers, op], ClickHouseInstallationManifest.HttpPort, ClickHouseInstallationManifest.NativePort, ClickHouseInstallationManifest.InterserverPort)]);
        yield return Policy("clickhouse-clients", ns, Selector(ClickHouseInstallationManifest.PodLabels), ["Ingress"], ingress:
            [From(clients, ClickHouseInstallationManifest.HttpsPort, ClickHouseInstallationManifest.SecureNativePort)]);
        yield return Policy("clickhouse-lake-schema", ns, Selector(ClickHouseInstallationManifest.PodLabels), ["Ingress"], ingress:
            [From([new { podSelector = Selector(ClickHouseLakeSchema.JobLabels) }], ClickHouseInstallationManifest.SecureNativePort)]);
        if (withMinIo)
        {
            yield return Policy("clickhouse-minio", ns, Selector(ClickHouseInstallationManifest.PodLabels), ["Egress"], egress: [To([Namespace(EngineNamespaces.MinIo)], MinIo.ApiPort)]);
        }
    }

    private static IEnumerable<object> KafkaPolicies()
    {
        var ns = EngineNamespaces.Kafka;
        // Operator, entity operator, exporter and brokers (KRaft controllers included) talk among themselves.
        yield return WithinNamespace(ns);
        yield return Policy("kafka-clients", ns, Selector(Kube.Labels(("strimzi.io/cluster", Kafka.ClusterName), ("strimzi.io/pool-name", Kafka.PoolName))), ["Ingress"], ingress:
            [From([Namespace(EngineNamespaces.Trino), Namespace(EngineNamespaces.Spark)], Kafka.TlsPort)]);
    }

    private static IEnumerable<object> SparkPolicies(string vpcCidr, bool withMinIo)
    {
        var ns = EngineNamespaces.Spark;
        // Drivers and executors (block manager, shuffle) and the operator.
        yield return WithinNamespace(ns);
        // The API server calls the operator's admission webhook from its ENIs in the VPC.
        yield return Policy("spark-webhook", ns, new { }, ["Ingress"], ingress: [From([Cidr(vpcCidr)], 9443)]);
        var egress = new List<object> { To([Namespace(EngineNamespaces.Kafka)], Kafka.TlsPort) };
        if (withMinIo)
        {
            egress.Add(To([Namespace(EngineNamespaces.MinIo)], MinIo.ApiPort));
        }

        yield return Policy("spark-services", ns, new { }, ["Egress"], egress: [.. egress]);
    }

    private static int[] MetricsPorts(string ns) => ns switch
    {
        EngineNamespaces.Trino => [Trino.JmxExporterPort],
        // Servers and Keeper; the operator's own exporter (8888) and metrics (9999).
        EngineNamespaces.ClickHouse => [ClickHouseInstallationManifest.MetricsPort, 8888, 9999],
        EngineNamespaces.Kafka => [9404],
        EngineNamespaces.Spark => [SparkOperator.MetricsPort],
        _ => [MinIo.ApiPort],
    };

    private static object WithinNamespace(string ns) =>
        Policy("allow-within-namespace", ns, new { }, ["Ingress"], ingress: [new { from = new[] { new { podSelector = new { } } } }]);

    private static object Policy(string name, string ns, object podSelector, string[] policyTypes, object[]? ingress = null, object[]? egress = null) => new
    {
        apiVersion = "networking.k8s.io/v1",
        kind = "NetworkPolicy",
        metadata = new { name, @namespace = ns },
        spec = new { podSelector, policyTypes, ingress, egress },
    };

    private static object From(object[] peers, params int[] ports) => new { from = peers, ports = Tcp(ports) };

    private static object To(object[] peers, params int[] ports) => new { to = peers, ports = Tcp(ports) };

    private static object[] Tcp(int[] ports) => [.. ports.Select(port => new { protocol = "TCP", port })];

    private static object Selector(IReadOnlyDictionary<string, string> labels) => new { matchLabels = labels };

    private static object Cidr(string cidr) => new { ipBlock = new { cidr } };

    private static object Namespace(string ns) =>
        new { namespaceSelector = Selector(Kube.Labels(("kubernetes.io/metadata.name", ns))) };

    private static object Pods(string ns, (string Key, string Value) label) => new
    {
        namespaceSelector = Selector(Kube.Labels(("kubernetes.io/metadata.name", ns))),
        podSelector = Selector(Kube.Labels(label)),
    };
}
