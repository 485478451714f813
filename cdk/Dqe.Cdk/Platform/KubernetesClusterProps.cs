using Amazon.CDK.AWS.EC2;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Platform;

/// <param name="Vpc">The network; nodes and the API server's private endpoint go in its private subnets.</param>
/// <param name="Cluster">Control plane settings.</param>
/// <param name="NodeGroups">The general and analytics groups.</param>
/// <param name="EnvName">Environment name; the cluster is called dqe-ENV.</param>
/// <param name="LogRetentionDays">Retention of the control-plane log group.</param>
/// <param name="Ephemeral">Throwaway environment: the secrets key is destroyed with the stack.</param>
public sealed record KubernetesClusterProps(IVpc Vpc, ClusterConfig Cluster, NodeGroupsConfig NodeGroups, string EnvName, int LogRetentionDays, bool Ephemeral);
