using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Observability;

/// <param name="Cluster">Cluster that runs Thanos.</param>
/// <param name="Config">Retention per resolution and compactor volume.</param>
/// <param name="ChartVersion">Pinned bitnami/thanos chart version.</param>
/// <param name="EnvName">Environment name (key alias).</param>
/// <param name="Ephemeral">Throwaway environment: bucket and key are destroyed with the stack.</param>
/// <param name="Namespaces">Namespaces (manifest) to create first.</param>
public sealed record MetricsArchiveProps(Cluster Cluster, ThanosConfig Config, string ChartVersion, string EnvName, bool Ephemeral, IDependable Namespaces);
