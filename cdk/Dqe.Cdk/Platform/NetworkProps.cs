using Dqe.Cdk.Config;

namespace Dqe.Cdk.Platform;

/// <param name="Config">Address range, zones and NAT gateways.</param>
/// <param name="FlowLogRetentionDays">CloudWatch Logs retention of the VPC flow logs.</param>
public sealed record NetworkProps(NetworkConfig Config, int FlowLogRetentionDays);
