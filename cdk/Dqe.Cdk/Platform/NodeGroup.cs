using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Platform;

/// <param name="Cluster">The cluster the group joins.</param>
/// <param name="Name">Pool name, used as node group name and the value of the dqe.io/pool label.</param>
/// <param name="Config">Instance types, sizes, disk and capacity type.</param>
/// <param name="Tainted">Taint the nodes so only workloads tolerating dqe.io/pool=NAME land there.</param>
public sealed record NodeGroupProps(Cluster Cluster, string Name, NodeGroupConfig Config, bool Tainted);

/// <summary>
/// A managed node group on an AL2023 launch template: encrypted gp3 root volume sized from config,
/// IMDSv2 required, private subnets, pool label (and taint), spot where config allows.
/// </summary>
public sealed class NodeGroup : Construct
{
    public NodeGroup(Construct scope, string id, NodeGroupProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var template = new LaunchTemplate(this, "LaunchTemplate", new LaunchTemplateProps
        {
            BlockDevices =
            [
                new BlockDevice
                {
                    DeviceName = "/dev/xvda",
                    Volume = BlockDeviceVolume.Ebs(config.DiskSizeGb, new EbsDeviceOptions { VolumeType = EbsDeviceVolumeType.GP3, Encrypted = true }),
                },
            ],
            RequireImdsv2 = true,
            // Two hops so agents in host-network pods still reach IMDS; application pods use IRSA, not the node role.
            HttpPutResponseHopLimit = 2,
        });

        Nodegroup = props.Cluster.AddNodegroupCapacity(props.Name, new NodegroupOptions
        {
            NodegroupName = props.Name,
            AmiType = NodegroupAmiType.AL2023_X86_64_STANDARD,
            InstanceTypes = [.. config.InstanceTypes.Select(t => new InstanceType(t))],
            MinSize = config.MinSize,
            MaxSize = config.MaxSize,
            DesiredSize = config.MinSize,
            CapacityType = config.Spot ? CapacityType.SPOT : CapacityType.ON_DEMAND,
            Subnets = Network.PrivateSubnets,
            LaunchTemplateSpec = new LaunchTemplateSpec { Id = template.LaunchTemplateId!, Version = template.LatestVersionNumber },
            Labels = new Dictionary<string, string> { [KubernetesCluster.PoolLabel] = props.Name },
            Taints = props.Tainted
                ? [new TaintSpec { Key = KubernetesCluster.PoolLabel, Value = props.Name, Effect = TaintEffect.NO_SCHEDULE }]
                : null,
            // Lets the Cluster Autoscaler scale a group up from zero knowing the labels/taints its nodes will have.
            Tags = new Dictionary<string, string>
            {
                [$"k8s.io/cluster-autoscaler/node-template/label/{KubernetesCluster.PoolLabel}"] = props.Name,
            },
        });
    }

    public Nodegroup Nodegroup { get; }
}
