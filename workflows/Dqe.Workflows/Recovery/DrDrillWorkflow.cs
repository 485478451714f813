using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using Dqe.Workflows.Building;

namespace Dqe.Workflows.Recovery;

/// <summary>
/// DR drill: start (health gate) → heartbeats on a Wait loop → fault → canary check on a Wait loop until
/// recovered or timed out → measure RTO/RPO → fail back → report → pass/fail. Every failure goes to fail back
/// (when anything may have changed) and a report before the execution fails.
/// Input: <c>{"scenario": "replica-loss", "dryRun": false}</c>.
/// </summary>
public sealed class DrDrillWorkflow : IWorkflow
{
    public const string Handler = "dqe.dr-drill";

    /// <summary>Seconds between heartbeats (DrillOptions.HeartbeatIntervalSeconds default) and between recovery checks.</summary>
    public const int HeartbeatSeconds = 5;
    public const int CheckSeconds = 10;

    public string Name => WorkflowNames.DisasterRecovery;

    public string Description => "DR drill: inject a failure, measure RTO/RPO against objectives, fail back, report";

    public StateMachineType Type => StateMachineType.STANDARD;

    public TimeSpan Timeout => TimeSpan.FromHours(6);

    public IReadOnlyList<string> Handlers { get; } = [Handler];

    /// <summary>Faults and fail back go through Kubernetes, canaries and heartbeats through the engines, the report to S3.</summary>
    public HandlerNeeds NeedsOf(string handler) =>
        handler == Handler ? HandlerNeeds.Kubernetes | HandlerNeeds.Engines | HandlerNeeds.Reports : HandlerNeeds.None;

    public IChainable Define(Construct scope, WorkflowContext context)
    {
        var failed = new Fail(scope, "DrillFailed", new FailProps { Error = "Dqe.DrillFailed", Cause = "drill failed or missed its objectives; see the report" });
        var crashed = new Fail(scope, "DrillCrashed", new FailProps { Error = "Dqe.DrillCrashed", CausePath = "$.error.Cause" });
        var reportAfterError = Step(scope, context, "ReportAfterError", "report", "$.drill", ("record.$", "$.drill"));
        reportAfterError.AddCatch(crashed, new CatchProps { ResultPath = "$.reportError" });
        var failBackAfterError = Step(scope, context, "FailBackAfterError", "fail-back", "$.drill", ("record.$", "$.drill"), ("error.$", "$.error.Cause"));
        failBackAfterError.AddCatch(crashed, new CatchProps { ResultPath = "$.failBackError" });
        var recovery = new Choice(scope, "DrillStarted?")
            .When(Condition.IsPresent("$.drill.runId"), failBackAfterError.Next(reportAfterError).Next(crashed))
            .Otherwise(crashed);

        var start = Steps.CatchAll(Step(scope, context, "Start", "start", "$.drill", ("scenario.$", "$.scenario"), ("dryRun.$", "$.dryRun")), recovery);
        var heartbeat = Steps.CatchAll(Step(scope, context, "Heartbeat", "heartbeat", "$.drill", ("record.$", "$.drill")), recovery);
        var fault = Steps.CatchAll(Step(scope, context, "InjectFault", "fault", "$.drill", ("record.$", "$.drill")), recovery);
        var check = Steps.CatchAll(Step(scope, context, "CheckRecovery", "check", "$.drill", ("record.$", "$.drill")), recovery);
        var measure = Steps.CatchAll(Step(scope, context, "Measure", "measure", "$.drill", ("record.$", "$.drill")), recovery);
        var failBack = Steps.CatchAll(Step(scope, context, "FailBack", "fail-back", "$.drill", ("record.$", "$.drill")), recovery);
        var report = Steps.CatchAll(Step(scope, context, "Report", "report", "$.drill", ("record.$", "$.drill")), crashed);

        var verdict = new Choice(scope, "Passed?")
            .When(Condition.And(Condition.BooleanEquals("$.drill.dryRun", true), Condition.BooleanEquals("$.drill.failBackVerified", true)), new Succeed(scope, "DryRunDone"))
            .When(Condition.And(Condition.BooleanEquals("$.drill.result.passed", true), Condition.BooleanEquals("$.drill.failBackVerified", true)), new Succeed(scope, "Passed"))
            .Otherwise(failed);
        var recovered = new Choice(scope, "Recovered?")
            .When(Condition.Or(Condition.BooleanEquals("$.drill.recovered", true), Condition.BooleanEquals("$.drill.timedOut", true)),
                measure.Next(failBack).Next(report).Next(verdict))
            .Otherwise(ActionStep.Wait(scope, "WaitRecovery", CheckSeconds).Next(check));
        check.Next(recovered);
        var heartbeats = new Choice(scope, "HeartbeatsDone?")
            .When(Condition.BooleanEquals("$.drill.heartbeatsDone", true), fault.Next(ActionStep.Wait(scope, "WaitFirstCheck", CheckSeconds)).Next(check))
            .Otherwise(ActionStep.Wait(scope, "WaitHeartbeat", HeartbeatSeconds).Next(heartbeat));
        heartbeat.Next(heartbeats);
        return start.Next(heartbeat);
    }

    private static LambdaInvoke Step(Construct scope, WorkflowContext context, string id, string action, string resultPath, params (string Key, string Path)[] fields) =>
        ActionStep.Invoke(scope, context, Handler, id, action, resultPath, fields);
}
