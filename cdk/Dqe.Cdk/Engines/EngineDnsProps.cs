using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EKS;

namespace Dqe.Cdk.Engines;

/// <param name="Cluster">The cluster whose engine pods get the names.</param>
/// <param name="Vpc">The only VPC the private zone answers in.</param>
/// <param name="Endpoints">The names (zone, hosts) to publish.</param>
/// <param name="EnvName">Environment name, the owner id of the records ExternalDNS manages.</param>
/// <param name="ChartVersion">Pinned external-dns chart version (engines.externalDnsChartVersion).</param>
/// <param name="Namespaces">Engine namespaces; the services live in them.</param>
public sealed record EngineDnsProps(Cluster Cluster, IVpc Vpc, EngineEndpoints Endpoints, string EnvName, string ChartVersion, EngineNamespaces Namespaces);
