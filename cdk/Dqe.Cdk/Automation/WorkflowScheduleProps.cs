using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.StepFunctions;

namespace Dqe.Cdk.Automation;

/// <param name="Schedule">When the workflow starts (UTC): <c>Schedule.Cron</c>, <c>Schedule.Rate</c> or <c>Schedule.Expression</c>.</param>
/// <param name="StateMachine">The workflow each firing starts.</param>
public sealed record WorkflowScheduleProps(Schedule Schedule, IStateMachine StateMachine)
{
    /// <summary>Shown on the rule; null = none.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The execution input: plain dictionaries, arrays and primitives (what jsii serialises); null = the scheduled
    /// event itself, for workflows that take no input.
    /// </summary>
    public object? Input { get; init; }

    /// <summary>False deploys the rule disabled (kept, not firing). Default true.</summary>
    public bool Enabled { get; init; } = true;
}
