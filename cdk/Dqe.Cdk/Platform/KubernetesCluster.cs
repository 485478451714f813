using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace Dqe.Cdk.Platform;

/// <summary>
/// The EKS cluster: KMS-encrypted secrets, every control-plane log type, a private endpoint (plus a public one
/// only from configured CIDRs), access entries for admins, the two managed node groups, and the add-ons the
/// engines rely on (Cluster Autoscaler, EBS CSI driver with a default gp3 StorageClass).
/// </summary>
public sealed class KubernetesCluster : Construct
{
    /// <summary>Node label (and, on analytics, taint key) that names a node's pool.</summary>
    public const string PoolLabel = "dqe.io/pool";

    public KubernetesCluster(Construct scope, string id, KubernetesClusterProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        ClusterName = $"dqe-{props.EnvName}";
        var removal = props.Ephemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

        SecretsKey = new Key(this, "SecretsKey", new KeyProps
        {
            Alias = $"alias/dqe-{props.EnvName}-eks-secrets",
            Description = $"Dqe {props.EnvName}: envelope encryption of Kubernetes secrets",
            EnableKeyRotation = true,
            RemovalPolicy = removal,
        });

        // EKS writes control-plane logs to this fixed name; creating it first gives it a retention.
        var controlPlaneLogs = new LogGroup(this, "ControlPlaneLogs", new LogGroupProps
        {
            LogGroupName = $"/aws/eks/{ClusterName}/cluster",
            Retention = Retention.From(props.LogRetentionDays),
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        var publicCidrs = props.Cluster.PublicEndpointCidrs;
        Cluster = new Cluster(this, "Cluster", new ClusterProps
        {
            ClusterName = ClusterName,
            Version = KubernetesVersion.Of(props.Cluster.KubernetesVersion),
            KubectlLayer = new KubectlLayer(this, "Kubectl").Layer,
            Vpc = props.Vpc,
            VpcSubnets = [Network.PrivateSubnets],
            DefaultCapacity = 0,
            SecretsEncryptionKey = SecretsKey,
            EndpointAccess = publicCidrs.Count == 0
                ? EndpointAccess.PRIVATE
                : EndpointAccess.PUBLIC_AND_PRIVATE.OnlyFrom([.. publicCidrs]),
            AuthenticationMode = AuthenticationMode.API_AND_CONFIG_MAP,
            ClusterLogging =
            [
                ClusterLoggingTypes.API, ClusterLoggingTypes.AUDIT, ClusterLoggingTypes.AUTHENTICATOR,
                ClusterLoggingTypes.CONTROLLER_MANAGER, ClusterLoggingTypes.SCHEDULER,
            ],
        });
        Cluster.Node.AddDependency(controlPlaneLogs);

        for (var i = 0; i < props.Cluster.AdminRoleArns.Count; i++)
        {
            Cluster.GrantAccess($"Admin{i}", props.Cluster.AdminRoleArns[i],
                [AccessPolicy.FromAccessPolicyName("AmazonEKSClusterAdminPolicy", new AccessPolicyNameOptions { AccessScopeType = AccessScopeType.CLUSTER })]);
        }

        General = new NodeGroup(this, "General", new NodeGroupProps(Cluster, "general", props.NodeGroups.General, Tainted: false)).Nodegroup;
        Analytics = new NodeGroup(this, "Analytics", new NodeGroupProps(Cluster, "analytics", props.NodeGroups.Analytics, Tainted: true)).Nodegroup;

        new ClusterAutoscaler(this, "ClusterAutoscaler", new ClusterAutoscalerProps(Cluster, ClusterName, props.Cluster.ClusterAutoscalerChartVersion));
        var ebs = new EbsCsiDriver(this, "EbsCsi", new EbsCsiDriverProps(Cluster));
        ebs.Node.AddDependency(General);
    }

    public Cluster Cluster { get; }

    public string ClusterName { get; }

    public Key SecretsKey { get; }

    public Nodegroup General { get; }

    public Nodegroup Analytics { get; }

    /// <summary>Node selector and toleration that put a workload on the analytics pool (engines only).</summary>
    public static IDictionary<string, object> AnalyticsPlacement => new Dictionary<string, object>
    {
        ["nodeSelector"] = new Dictionary<string, object> { [PoolLabel] = "analytics" },
        ["tolerations"] = new object[]
        {
            new Dictionary<string, object> { ["key"] = PoolLabel, ["operator"] = "Equal", ["value"] = "analytics", ["effect"] = "NoSchedule" },
        },
    };

    /// <summary>Node selector that keeps a workload on the general pool.</summary>
    public static IDictionary<string, object> GeneralPlacement => new Dictionary<string, object>
    {
        ["nodeSelector"] = new Dictionary<string, object> { [PoolLabel] = "general" },
    };
}
