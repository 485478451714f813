using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace Dqe.Cdk.Automation;

/// <summary>
/// A Dqe Lambda function: the Native AOT <c>bootstrap</c> on <c>provided.al2023</c>/x86_64, active tracing,
/// its own log group with the configured retention, and its own role holding only what it was given.
/// </summary>
public sealed class DqeFunction : Construct
{
    public DqeFunction(Construct scope, string id, DqeFunctionProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Validate(props);

        var logs = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = LogRetention.ToRetentionDays(props.LogRetentionDays),
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"Dqe function {props.Handler}: its log group, X-Ray and the statements it declares",
        });
        logs.GrantWrite(Role);
        foreach (var statement in props.Statements)
        {
            Role.AddToPrincipalPolicy(statement);
        }

        var environment = new Dictionary<string, string>(props.Environment) { ["DQE_LOG_LEVEL"] = "info" };
        if (props.Workflow is { } workflow)
        {
            environment["DQE_WORKFLOW"] = workflow;
        }

        Function = new Function(this, "Function", new FunctionProps
        {
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = Architecture.X86_64,
            Handler = props.Handler,
            Code = Code.FromAsset(props.PackageDirectory),
            MemorySize = props.MemoryMb,
            Timeout = Duration.Seconds(props.TimeoutSeconds),
            ReservedConcurrentExecutions = props.ReservedConcurrency,
            Tracing = Tracing.ACTIVE,
            LogGroup = logs,
            Role = Role,
            Environment = environment,
            Description = $"Dqe handler {props.Handler}",
        });
    }

    public Function Function { get; }

    public Role Role { get; }

    private static void Validate(DqeFunctionProps props)
    {
        Check(System.Text.RegularExpressions.Regex.IsMatch(props.Handler, "^dqe(\\.[a-z][a-z0-9-]*)+$"), $"handler '{props.Handler}' is not a Dqe handler name (dqe.x.y)");
        Check(props.MemoryMb is >= 128 and <= 10240, $"memoryMb = {props.MemoryMb} must be 128..10240");
        Check(props.TimeoutSeconds is >= 1 and <= 900, $"timeoutSeconds = {props.TimeoutSeconds} must be 1..900");
        Check(props.ReservedConcurrency is null or >= 0, $"reservedConcurrency = {props.ReservedConcurrency} must be >= 0");
        Check(File.Exists(Path.Combine(props.PackageDirectory, "bootstrap")), $"packageDirectory '{props.PackageDirectory}' holds no 'bootstrap' executable");
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"DqeFunction: {message}");
        }
    }
}
