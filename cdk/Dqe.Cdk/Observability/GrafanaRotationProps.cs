using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace Dqe.Cdk.Observability;

/// <param name="Cluster">The cluster Grafana runs on (the RBAC manifest).</param>
/// <param name="Secret">The Grafana admin secret <c>{"username","password"}</c>.</param>
/// <param name="RotationFunctionArn">The Automation stack's <c>dqe.secrets.rotate</c> function (invocable by Secrets Manager of this account).</param>
/// <param name="RotationDays">security.rotationDays.</param>
/// <param name="Prerequisites">What the RBAC waits for (the monitoring namespace) and the schedule for (the synced secret, the chart).</param>
public sealed record GrafanaRotationProps(ICluster Cluster, ISecret Secret, string RotationFunctionArn, int RotationDays, IReadOnlyList<IDependable> Prerequisites);
