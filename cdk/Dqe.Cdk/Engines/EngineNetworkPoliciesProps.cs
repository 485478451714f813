using Amazon.CDK.AWS.EKS;

namespace Dqe.Cdk.Engines;

/// <param name="Cluster">The cluster (its VPC CNI add-on gets policy enforcement switched on).</param>
/// <param name="Namespaces">The engine namespaces, each under default deny.</param>
/// <param name="ClientCidrs">Private subnet ranges the automation functions run in (Lambda ENIs).</param>
/// <param name="VpcCidr">The VPC range: the API server's webhook calls and the PostgreSQL database come from/live there.</param>
/// <param name="MonitoringNamespace">Namespace of Prometheus and Grafana.</param>
/// <param name="PostgresPort">Port of the PostgreSQL database Trino's JDBC catalog reaches.</param>
/// <param name="TrinoInternalTls">Trino pods reach each other on HTTPS only (engines.trino.internalTls).</param>
/// <param name="ClickHouseInterserverTls">ClickHouse servers and Keeper reach each other on TLS ports only (engines.clickHouse.interserverTls).</param>
public sealed record EngineNetworkPoliciesProps(
    Cluster Cluster, EngineNamespaces Namespaces, IReadOnlyList<string> ClientCidrs, string VpcCidr, string MonitoringNamespace, int PostgresPort,
    bool TrinoInternalTls, bool ClickHouseInterserverTls);
