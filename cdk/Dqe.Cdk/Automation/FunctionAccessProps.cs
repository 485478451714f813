using Dqe.Cdk.Engines;
using Dqe.Cdk.Platform;
using Dqe.Cdk.Stacks;

namespace Dqe.Cdk.Automation;

/// <param name="Cluster">The EKS cluster the Kubernetes-using functions act on.</param>
/// <param name="Engines">Engine endpoints, credentials, CA and the automation RBAC group and security group.</param>
/// <param name="Lake">Reports and backups buckets.</param>
public sealed record FunctionAccessProps(KubernetesCluster Cluster, EnginesStack Engines, DataLake Lake);
