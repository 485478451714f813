using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.SecretsManager;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Observability;

/// <param name="Vpc">The platform VPC; the domain lives in its private subnets.</param>
/// <param name="Zones">Availability zones of the VPC, in order.</param>
/// <param name="ClientSecurityGroupId">Security group of the EKS nodes and pods, the only HTTPS clients.</param>
/// <param name="Config">Version, capacity, storage and index retention.</param>
/// <param name="MasterUser">Generated secret with the fine-grained access master user (keys username, password).</param>
/// <param name="EnvName">Environment name; the domain is dqe-ENV-logs.</param>
/// <param name="LogRetentionDays">CloudWatch retention of the domain's own application log.</param>
/// <param name="Ephemeral">Throwaway environment: the domain and its key are destroyed with the stack.</param>
public sealed record LogDomainProps(
    IVpc Vpc, IReadOnlyList<string> Zones, string ClientSecurityGroupId, LogsConfig Config, ISecret MasterUser, string EnvName, int LogRetentionDays, bool Ephemeral);
