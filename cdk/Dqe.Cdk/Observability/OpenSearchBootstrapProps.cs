using Amazon.CDK.AWS.EKS;

namespace Dqe.Cdk.Observability;

/// <param name="Cluster">Cluster the job runs in (inside the VPC, where the domain is reachable).</param>
/// <param name="Endpoint">Domain endpoint host name.</param>
/// <param name="WriterRoleArn">IAM role of Fluent Bit, mapped to the log-writer role.</param>
/// <param name="IndexRetentionDays">Age after which the ISM policy deletes a dqe-* index.</param>
public sealed record OpenSearchBootstrapProps(Cluster Cluster, string Endpoint, string WriterRoleArn, int IndexRetentionDays);
