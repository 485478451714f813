using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace Dqe.Cdk.Observability;

/// <param name="Cluster">The cluster to install the operator into.</param>
/// <param name="ChartVersion">Pinned external-secrets chart version.</param>
/// <param name="Secrets">The only Secrets Manager secrets the operator may read.</param>
/// <param name="Namespaces">Namespaces (manifest) the synced secrets land in; created first.</param>
public sealed record SecretsSyncProps(Cluster Cluster, string ChartVersion, IReadOnlyList<ISecret> Secrets, IDependable Namespaces);
