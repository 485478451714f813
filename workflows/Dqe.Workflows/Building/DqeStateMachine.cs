using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;

namespace Dqe.Workflows.Building;

/// <summary>
/// A Dqe workflow as a state machine: named dqe-ENV-NAME, with its timeout, X-Ray tracing, and execution
/// logs (all events, without execution data: inputs may name hosts and tables) in a log group with retention.
/// </summary>
public sealed class DqeStateMachine : Construct
{
    public DqeStateMachine(Construct scope, string id, DqeStateMachineProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var workflow = props.Workflow;
        Workflow = workflow;
        var logs = new LogGroup(this, "Logs", new LogGroupProps
        {
            LogGroupName = LogGroupName(props.Context.EnvName, workflow.Name),
            Retention = props.LogRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        StateMachine = new StateMachine(this, "StateMachine", new StateMachineProps
        {
            StateMachineName = StateMachineName(props.Context.EnvName, workflow.Name),
            StateMachineType = workflow.Type,
            Comment = workflow.Description,
            DefinitionBody = DefinitionBody.FromChainable(workflow.Define(this, props.Context)),
            Timeout = Duration.Seconds(workflow.Timeout.TotalSeconds),
            TracingEnabled = true,
            Logs = new LogOptions { Destination = logs, Level = LogLevel.ALL, IncludeExecutionData = false },
        });
    }

    public StateMachine StateMachine { get; }

    /// <summary>The workflow this machine runs (name, type, description).</summary>
    public IWorkflow Workflow { get; }

    public static string StateMachineName(string env, string workflow) => $"dqe-{env}-{workflow}";

    /// <summary>The execution log group: the only execution history an Express machine keeps.</summary>
    public static string LogGroupName(string env, string workflow) => $"/aws/vendedlogs/states/{StateMachineName(env, workflow)}";

    public Grant GrantStartExecution(IGrantable grantee) => StateMachine.GrantStartExecution(grantee);
}
