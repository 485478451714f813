using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Lambda;
using Dqe.Cdk.Config;
using Dqe.Cdk.Engines;
using Dqe.Cdk.Stacks;

namespace Dqe.Cdk.Automation;

/// <param name="EnvName">Environment name.</param>
/// <param name="Code">The shared bootstrap package.</param>
/// <param name="Sizing">Memory and concurrency of the function (its timeout is raised to cover the verification bound).</param>
/// <param name="Security">rotationDays and rotationVerifySeconds.</param>
/// <param name="LogRetentionDays">Retention of the function's log group.</param>
/// <param name="Vpc">The VPC (the function reaches the Kubernetes API and the engines privately).</param>
/// <param name="Access">Maps the function's role into the cluster (group <see cref="EngineUsers.RotationGroup"/>).</param>
/// <param name="Engines">Engine URLs, the CA secret, the automation security group, the automation and people's secrets and their key.</param>
public sealed record SecretRotationProps(
    string EnvName, Code Code, FunctionConfig Sizing, SecurityConfig Security, int LogRetentionDays, IVpc Vpc, FunctionAccess Access, EnginesStack Engines);
