using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Dqe.Workflows.Building;

namespace Dqe.Workflows.Chaos;

/// <summary>
/// The weekly chaos summary: one call of <c>dqe.chaos.weekly</c>, which reads the week's run reports from the
/// reports bucket and writes chaos/weekly/ (JSON + HTML). Express: one short read-and-write.
/// </summary>
public sealed class ChaosWeeklyWorkflow : IWorkflow
{
    public const string Weekly = "dqe.chaos.weekly";

    /// <summary>When the CDK app schedules it: Mondays 06:00 UTC, after the week's campaigns.</summary>
    public const string Schedule = "cron(0 6 ? * MON *)";

    public string Name => WorkflowNames.ChaosWeekly;

    public string Description => "Summarises the week's chaos run reports across campaigns (JSON + HTML in the reports bucket)";

    public StateMachineType Type => StateMachineType.EXPRESS;

    public TimeSpan Timeout => TimeSpan.FromMinutes(5);

    public IReadOnlyList<string> Handlers { get; } = [Weekly];

    public HandlerNeeds NeedsOf(string handler) => handler == Weekly ? HandlerNeeds.Reports : HandlerNeeds.None;

    public IChainable Define(Construct scope, WorkflowContext context) =>
        Steps.Invoke(scope, "Summarise", context, Weekly).Next(new Succeed(scope, "Summarised"));
}
