using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Observability;

/// <param name="Cluster">Cluster to monitor.</param>
/// <param name="ClusterName">Literal cluster name, an external label on every series.</param>
/// <param name="Config">Observability settings (chart version, retention, storage, alerting).</param>
/// <param name="EnvName">Environment name, an external label on every series.</param>
/// <param name="Archive">The Thanos bucket the Prometheus sidecar uploads to.</param>
/// <param name="Prerequisites">What must exist first: namespaces, synced secrets, the objstore secret.</param>
public sealed record MetricsPlatformProps(
    Cluster Cluster, string ClusterName, ObservabilityConfig Config, string EnvName, MetricsArchive Archive, IReadOnlyList<IDependable> Prerequisites);
