using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Dqe.Workflows.Building;

namespace Dqe.Workflows.Chaos;

/// <summary>
/// The scheduled sweeper: one call of <c>dqe.chaos.sweep</c>, which removes Chaos Mesh objects and cordons of
/// crashed runs once past their expiry. Express: short, idempotent, runs every few minutes.
/// </summary>
public sealed class ChaosSweepWorkflow : IWorkflow
{
    public const string Sweep = "dqe.chaos.sweep";

    /// <summary>How often the CDK app schedules it.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(30);

    public string Name => WorkflowNames.ChaosSweep;

    public string Description => "Removes Chaos Mesh objects and node cordons that crashed chaos runs left past their expiry";

    public StateMachineType Type => StateMachineType.EXPRESS;

    public TimeSpan Timeout => TimeSpan.FromMinutes(5);

    public IReadOnlyList<string> Handlers { get; } = [Sweep];

    public HandlerNeeds NeedsOf(string handler) => handler == Sweep ? HandlerNeeds.Kubernetes : HandlerNeeds.None;

    public IChainable Define(Construct scope, WorkflowContext context) =>
        Steps.Invoke(scope, "Sweep", context, Sweep).Next(new Succeed(scope, "Swept"));
}
