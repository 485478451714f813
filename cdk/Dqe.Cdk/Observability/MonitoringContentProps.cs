using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Observability;

/// <param name="Cluster">Cluster to apply to.</param>
/// <param name="Alerting">Rule thresholds and the runbook base URL.</param>
/// <param name="Operator">The chart that installs the monitoring CRDs and Grafana's dashboard sidecar.</param>
public sealed record MonitoringContentProps(Cluster Cluster, AlertingConfig Alerting, IDependable Operator);
