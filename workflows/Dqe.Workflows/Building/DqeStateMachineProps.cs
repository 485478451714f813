namespace Dqe.Workflows.Building;

/// <param name="Workflow">What to build.</param>
/// <param name="Context">Environment and the functions of the workflow's handlers.</param>
/// <param name="LogRetention">Retention of the execution log group.</param>
public sealed record DqeStateMachineProps(IWorkflow Workflow, WorkflowContext Context, Amazon.CDK.AWS.Logs.RetentionDays LogRetention);
