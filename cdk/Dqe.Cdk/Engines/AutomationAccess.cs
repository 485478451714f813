using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Constructs;
using Dqe.Core.Chaos.Cluster;

namespace Dqe.Cdk.Engines;

/// <summary>
/// The IAM role the automation functions (benchmarks, chaos, remediation, scaling) run as, mapped through an
/// EKS access entry to the Kubernetes group <see cref="Group"/>, which holds only what those workflows need:
/// read and delete engine pods, cordon nodes, manage Chaos Mesh experiments in engine namespaces, patch the
/// ClickHouseInstallation (replica count) and the Trino worker HPA. Nothing cluster-admin, no secrets.
/// </summary>
public sealed class AutomationAccess : Construct
{
    public const string Group = "dqe-automation";
    public const string UserName = "dqe-automation";

    /// <summary>Chaos Mesh kinds (plural resource names) the chaos workflow creates and cleans up: exactly the ones its code names.</summary>
    public static readonly IReadOnlyList<string> ChaosResources = ChaosLabels.Plurals;

    private readonly Cluster _cluster;
    private int _mapped;

    public AutomationAccess(Construct scope, string id, AutomationAccessProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        _cluster = props.Cluster;
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"Dqe {props.EnvName}: automation functions acting on the engines (Kubernetes group {Group})",
        });
        // The functions build an EKS bearer token themselves; they only need to find the endpoint and CA.
        Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["eks:DescribeCluster"],
            Resources = [props.Cluster.ClusterArn],
        }));
        GrantKubernetesAutomation(Role);

        ClientSecurityGroup = new SecurityGroup(this, "ClientSecurityGroup", new SecurityGroupProps
        {
            Vpc = props.Vpc,
            Description = $"Dqe {props.EnvName}: automation functions reaching the engines' client ports",
            AllowAllOutbound = true,
        });
        // Pods use the cluster security group of their nodes; open only the engines' client ports to the functions.
        foreach (var port in ClientPorts)
        {
            _ = new CfnSecurityGroupIngress(this, $"EngineClientPort{port}", new CfnSecurityGroupIngressProps
            {
                GroupId = props.Cluster.ClusterSecurityGroupId,
                SourceSecurityGroupId = ClientSecurityGroup.SecurityGroupId,
                IpProtocol = "tcp",
                FromPort = port,
                ToPort = port,
                Description = $"Dqe automation functions to engine port {port}",
            });
        }

        // Functions on the Kubernetes API's private endpoint, whose ENIs carry the cluster security group.
        _ = new CfnSecurityGroupIngress(this, "KubernetesApi", new CfnSecurityGroupIngressProps
        {
            GroupId = props.Cluster.ClusterSecurityGroupId,
            SourceSecurityGroupId = ClientSecurityGroup.SecurityGroupId,
            IpProtocol = "tcp",
            FromPort = 443,
            ToPort = 443,
            Description = "Dqe automation functions to the Kubernetes API",
        });

        var documents = new List<object>
        {
            ClusterRole("dqe-automation-nodes",
                // Cordon/uncordon is a patch of spec.unschedulable; nothing else on nodes is written.
                Rule([""], ["nodes"], ["get", "list", "watch", "patch"])),
            Binding("ClusterRoleBinding", "dqe-automation-nodes", ns: null),
        };
        foreach (var ns in props.Namespaces.Names)
        {
            documents.Add(NamespacedRole("dqe-automation", ns,
                Rule([""], ["pods"], ["get", "list", "watch", "delete"]),
                Rule([""], ["pods/log"], ["get"]),
                Rule([""], ["events"], ["get", "list", "watch"]),
                // Node drains evict through the eviction subresource so PodDisruptionBudgets hold.
                Rule([""], ["pods/eviction"], ["create"]),
                // Chaos Mesh objects are created, listed by run label, patched (finalizer release) and deleted.
                Rule([ChaosLabels.ChaosGroup], ChaosResources, ["get", "list", "watch", "create", "patch", "delete"]),
                // The per-target run lock (Lease dqe-chaos-*): read, taken, renewed/replaced, released.
                Rule(["coordination.k8s.io"], ["leases"], ["get", "create", "update", "delete"])));
            documents.Add(Binding("RoleBinding", "dqe-automation", ns));
        }

        documents.Add(NamespacedRole("dqe-automation-clickhouse-replicas", EngineNamespaces.ClickHouse,
            Rule(["clickhouse.altinity.com"], ["clickhouseinstallations"], ["get", "patch"], [ClickHouse.InstallationName]),
            Rule(["clickhouse.altinity.com"], ["clickhouseinstallations"], ["list", "watch"]),
            // restart-clickhouse-replica reaches one replica's HTTPS port through the API server's pod proxy
            // (POST of the SQL is a create): pod DNS names do not resolve from the functions' subnets.
            Rule([""], ["pods/proxy"], ["get", "create"])));
        documents.Add(Binding("RoleBinding", "dqe-automation-clickhouse-replicas", EngineNamespaces.ClickHouse));
        // DR drills (KubernetesDrillActions): replica-loss deletes a server's volume claim with its pod; az-loss
        // drains a zone's nodes, whose pods may be in any namespace (list by node, evict through the Eviction API
        // so PodDisruptionBudgets apply); fail-back finds labelled scratch namespaces. Namespace delete is not
        // granted: nothing the drills run creates one, and RBAC cannot limit a delete to labelled namespaces.
        documents.Add(NamespacedRole("dqe-automation-drill-claims", EngineNamespaces.ClickHouse,
            Rule([""], ["persistentvolumeclaims"], ["get", "list", "delete"])));
        documents.Add(Binding("RoleBinding", "dqe-automation-drill-claims", EngineNamespaces.ClickHouse));
        documents.Add(ClusterRole("dqe-automation-drill",
            Rule([""], ["pods"], ["list"]),
            Rule([""], ["pods/eviction"], ["create"]),
            Rule([""], ["namespaces"], ["list"])));
        documents.Add(Binding("ClusterRoleBinding", "dqe-automation-drill", ns: null));
        // Backups save the Kafka topic definitions (Strimzi KafkaTopic resources); region restores re-apply them
        // (create, or merge-patch one that exists). Never delete: that would drop the topic's data.
        documents.Add(NamespacedRole("dqe-automation-kafka-topics", EngineNamespaces.Kafka,
            Rule(["kafka.strimzi.io"], ["kafkatopics"], ["get", "list", "create", "patch"])));
        documents.Add(Binding("RoleBinding", "dqe-automation-kafka-topics", EngineNamespaces.Kafka));
        documents.Add(NamespacedRole("dqe-automation-trino-hpa", EngineNamespaces.Trino,
            Rule(["autoscaling"], ["horizontalpodautoscalers"], ["get", "patch"], [TrinoWorkerHpa]),
            Rule(["autoscaling"], ["horizontalpodautoscalers"], ["list", "watch"])));
        documents.Add(Binding("RoleBinding", "dqe-automation-trino-hpa", EngineNamespaces.Trino));

        Rbac = Kube.Apply(this, "Rbac", props.Cluster, [.. documents]);
        Rbac.Node.AddDependency(props.Namespaces.Manifest);
    }

    /// <summary>
    /// Role + binding letting the group query one service through the API server's service proxy (GET only, that
    /// service only): the chaos probes' and the remediation verify step's Prometheus. Applied by the stack that
    /// creates <paramref name="ns"/> (the observability stack deploys after this one).
    /// </summary>
    public static object[] ServiceProxyRbac(string ns, string service) =>
    [
        NamespacedRole("dqe-automation-service-proxy", ns, Rule([""], ["services/proxy"], ["get"], [service])),
        Binding("RoleBinding", "dqe-automation-service-proxy", ns),
    ];

    /// <summary>Name of the HPA the Trino chart creates for the workers.</summary>
    public const string TrinoWorkerHpa = "trino-worker";

    /// <summary>Trino and ClickHouse HTTPS (8443) and ClickHouse secure native (9440): the only pod ports the functions can reach.</summary>
    public static IReadOnlyList<int> ClientPorts =>
        [.. new[] { Trino.HttpsPort, ClickHouseInstallationManifest.HttpsPort, ClickHouseInstallationManifest.SecureNativePort }.Distinct()];

    /// <summary>The functions' execution role: pass it to the automation stack's functions.</summary>
    public Role Role { get; }

    /// <summary>Security group to attach to the functions (VPC config) so they reach the engines' client ports.</summary>
    public SecurityGroup ClientSecurityGroup { get; }

    public KubernetesManifest Rbac { get; }

    /// <summary>
    /// Maps another IAM role to the automation group. The access entry lives in this stack, so use it only for
    /// roles this stack may depend on (e.g. imported by ARN); functions in later stacks should use <see cref="Role"/>.
    /// </summary>
    public CfnAccessEntry GrantKubernetesAutomation(IRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return new CfnAccessEntry(this, $"AccessEntry{_mapped++}", new CfnAccessEntryProps
        {
            ClusterName = _cluster.ClusterName,
            PrincipalArn = role.RoleArn,
            Type = "STANDARD",
            Username = UserName,
            KubernetesGroups = [Group],
        });
    }

    private static object Rule(string[] apiGroups, IEnumerable<string> resources, string[] verbs, string[]? resourceNames = null) =>
        new { apiGroups, resources = resources.ToArray(), verbs, resourceNames };

    private static object ClusterRole(string name, params object[] rules) => new
    {
        apiVersion = "rbac.authorization.k8s.io/v1",
        kind = "ClusterRole",
        metadata = new { name },
        rules,
    };

    private static object NamespacedRole(string name, string ns, params object[] rules) => new
    {
        apiVersion = "rbac.authorization.k8s.io/v1",
        kind = "Role",
        metadata = new { name, @namespace = ns },
        rules,
    };

    private static object Binding(string kind, string role, string? ns) => new
    {
        apiVersion = "rbac.authorization.k8s.io/v1",
        kind,
        metadata = new { name = role, @namespace = ns },
        roleRef = new { apiGroup = "rbac.authorization.k8s.io", kind = kind == "ClusterRoleBinding" ? "ClusterRole" : "Role", name = role },
        subjects = new[] { new { kind = "Group", name = Group, apiGroup = "rbac.authorization.k8s.io" } },
    };
}
