using Amazon.CDK.AWS.EKS;

namespace Dqe.Cdk.Security;

/// <param name="Cluster">The cluster to install the operator into.</param>
/// <param name="ChartVersion">Pinned external-secrets chart version (<c>cluster.externalSecretsChartVersion</c>).</param>
/// <param name="Region">Region of the Secrets Manager secrets the store reads.</param>
public sealed record SecretsOperatorProps(Cluster Cluster, string ChartVersion, string Region);
