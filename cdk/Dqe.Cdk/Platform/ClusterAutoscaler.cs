using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace Dqe.Cdk.Platform;

/// <param name="Cluster">The cluster to scale.</param>
/// <param name="ClusterName">Literal cluster name: the autoscaler discovers node groups by the ASG tag carrying it.</param>
/// <param name="ChartVersion">Pinned cluster-autoscaler chart version.</param>
public sealed record ClusterAutoscalerProps(Cluster Cluster, string ClusterName, string ChartVersion);

/// <summary>
/// Cluster Autoscaler from its Helm chart on IRSA, discovering the managed node groups by tag; it may only
/// change the size of groups tagged as owned by this cluster.
/// </summary>
public sealed class ClusterAutoscaler : Construct
{
    private const string Namespace = "kube-system";
    private const string ServiceAccountName = "cluster-autoscaler";

    public ClusterAutoscaler(Construct scope, string id, ClusterAutoscalerProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var account = props.Cluster.AddServiceAccount("ServiceAccount", new ServiceAccountOptions
        {
            Name = ServiceAccountName,
            Namespace = Namespace,
        });

        // Describe calls support no resource-level permissions; the mutating calls are limited by tag.
        account.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions =
            [
                "autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeAutoScalingInstances",
                "autoscaling:DescribeLaunchConfigurations", "autoscaling:DescribeScalingActivities", "autoscaling:DescribeTags",
                "ec2:DescribeImages", "ec2:DescribeInstanceTypes", "ec2:DescribeLaunchTemplateVersions",
                "ec2:GetInstanceTypesFromInstanceRequirements", "eks:DescribeNodegroup",
            ],
            Resources = ["*"],
        }));
        account.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { [$"aws:ResourceTag/k8s.io/cluster-autoscaler/{props.ClusterName}"] = "owned" },
            },
        }));

        var chart = props.Cluster.AddHelmChart("Chart", new HelmChartOptions
        {
            Chart = "cluster-autoscaler",
            Repository = "https://kubernetes.github.io/autoscaler",
            Version = props.ChartVersion,
            Namespace = Namespace,
            Release = "cluster-autoscaler",
            Values = new Dictionary<string, object>
            {
                ["autoDiscovery"] = new Dictionary<string, object> { ["clusterName"] = props.ClusterName },
                ["awsRegion"] = props.Cluster.Stack.Region,
                ["rbac"] = new Dictionary<string, object>
                {
                    ["serviceAccount"] = new Dictionary<string, object> { ["create"] = false, ["name"] = ServiceAccountName },
                },
                ["extraArgs"] = new Dictionary<string, object>
                {
                    ["balance-similar-node-groups"] = true,
                    ["expander"] = "least-waste",
                    ["skip-nodes-with-system-pods"] = false,
                },
                ["nodeSelector"] = new Dictionary<string, object> { [KubernetesCluster.PoolLabel] = "general" },
            },
        });
        chart.Node.AddDependency(account);
    }
}
