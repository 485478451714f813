using Amazon.CDK.AWS.EKS;

namespace Dqe.Cdk.Engines;

/// <param name="Cluster">The cluster the automation functions act on.</param>
/// <param name="Namespaces">Engine namespaces the functions may act in.</param>
/// <param name="EnvName">Environment name, in the role description.</param>
public sealed record AutomationAccessProps(Cluster Cluster, EngineNamespaces Namespaces, string EnvName);
