using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EKS;

namespace Dqe.Cdk.Engines;

/// <param name="Cluster">The cluster the automation functions act on.</param>
/// <param name="Namespaces">Engine namespaces the functions may act in.</param>
/// <param name="EnvName">Environment name, in the role description.</param>
/// <param name="Vpc">The VPC the functions run in (their security group lives there).</param>
public sealed record AutomationAccessProps(Cluster Cluster, EngineNamespaces Namespaces, string EnvName, IVpc Vpc);
