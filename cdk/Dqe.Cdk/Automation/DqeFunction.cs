using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Automation;

/// <summary>
/// One Dqe handler as a Lambda function: provided.al2023 on x86_64 running the shared AOT bootstrap, X-Ray
/// tracing, its own log group with retention, reserved concurrency, and its own role that starts with nothing
/// but writing to that log group (callers add what the handler needs through Grant* methods).
/// </summary>
public sealed class DqeFunction : Construct
{
    public DqeFunction(Construct scope, string id, DqeFunctionProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        LogGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = Retention.From(props.LogRetentionDays),
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        // No AWSLambdaBasicExecutionRole: its log permissions cover every log group in the account.
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"Dqe {props.EnvName} function {props.Handler}",
        });
        LogGroup.GrantWrite(Role);
        if (props.Vpc is not null)
        {
            // ENI management for VPC functions; AWS scopes these by the function's own network interfaces.
            Role.AddManagedPolicy(ManagedPolicy.FromAwsManagedPolicyName("service-role/AWSLambdaVPCAccessExecutionRole"));
        }

        var environment = new Dictionary<string, string>(props.Environment)
        {
            ["DQE_ENV"] = props.EnvName,
            ["DQE_HANDLER"] = props.Handler,
        };
        Function = new Function(this, "Function", new FunctionProps
        {
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = Architecture.X86_64,
            Handler = props.Handler,
            Code = props.Code,
            MemorySize = props.Sizing.MemoryMb,
            Timeout = Duration.Seconds(props.Sizing.TimeoutSeconds),
            ReservedConcurrentExecutions = props.Sizing.ReservedConcurrency,
            Tracing = Tracing.ACTIVE,
            LogGroup = LogGroup,
            LoggingFormat = LoggingFormat.JSON,
            Role = Role,
            Environment = environment,
            Vpc = props.Vpc,
            VpcSubnets = props.Vpc is null ? null : Network.PrivateSubnets,
            SecurityGroups = props.Vpc is null || props.SecurityGroups.Count == 0 ? null : [.. props.SecurityGroups],
            Description = $"Dqe {props.EnvName}: {props.Handler}",
        });
    }

    public Function Function { get; }

    public Role Role { get; }

    public LogGroup LogGroup { get; }

    /// <summary>Let <paramref name="grantee"/> (e.g. a state machine) invoke this function.</summary>
    public Grant GrantInvoke(IGrantable grantee) => Function.GrantInvoke(grantee);
}
