using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Observability;

/// <param name="Cluster">Cluster whose nodes' container logs are shipped.</param>
/// <param name="Domain">The OpenSearch log domain.</param>
/// <param name="Logs">Index retention.</param>
/// <param name="ChartVersion">Pinned fluent-bit chart version.</param>
/// <param name="Prerequisites">What must exist first: namespaces, the synced master-user secret, the Prometheus CRDs.</param>
public sealed record LogShippingProps(Cluster Cluster, LogDomain Domain, LogsConfig Logs, string ChartVersion, IReadOnlyList<IDependable> Prerequisites);
