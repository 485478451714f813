using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Lambda;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Automation;

/// <param name="Handler">The Dqe handler name; Lambda passes it to the bootstrap as _HANDLER.</param>
/// <param name="Code">The shared bootstrap package (<see cref="FunctionPackage.Code"/>).</param>
/// <param name="Sizing">Memory, timeout and reserved concurrency.</param>
/// <param name="EnvName">Environment name, exported as DQE_ENV.</param>
/// <param name="LogRetentionDays">Retention of the function's own log group.</param>
/// <param name="Vpc">Run in the VPC's private subnets (to reach the EKS API and engines privately); null = no VPC.</param>
public sealed record DqeFunctionProps(
    string Handler,
    Code Code,
    FunctionConfig Sizing,
    string EnvName,
    int LogRetentionDays,
    IVpc? Vpc = null)
{
    /// <summary>Extra environment variables (never secrets: pass secret ARNs and read them at run time).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Security groups of the function's network interfaces (with a VPC); empty = one of its own, outbound only.</summary>
    public IReadOnlyList<ISecurityGroup> SecurityGroups { get; init; } = [];
}
