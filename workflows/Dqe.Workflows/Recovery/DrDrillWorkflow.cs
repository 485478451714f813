using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Constructs;
using Dqe.Workflows.Building;

namespace Dqe.Workflows.Recovery;

/// <summary>
/// DR drill: start (health gate) → heartbeats on a Wait loop → fault (a live region-restore instead declares the
/// primary lost and restores the newest usable replicated backup, see <see cref="RegionRestoreSteps"/>) → canary check on a Wait loop until
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

    public IReadOnlyList<string> Handlers { get; } = [Handler, RegionRestoreSteps.Handler];

    /// <summary>
    /// Faults and fail back go through Kubernetes, canaries and heartbeats through the engines, the report to S3. The
    /// region restore runs RESTORE on ClickHouse and re-applies topics through Kubernetes; its read of the replica
    /// bucket is granted only where one exists (Automation.BackupWiring), so nothing of it reaches the primary.
    /// </summary>
    public HandlerNeeds NeedsOf(string handler) => handler switch
    {
        Handler => HandlerNeeds.Kubernetes | HandlerNeeds.Engines | HandlerNeeds.Reports,
        RegionRestoreSteps.Handler => HandlerNeeds.Kubernetes | HandlerNeeds.Engines,
        _ => HandlerNeeds.None,
    };

    public IChainable Define(Construct scope, WorkflowContext context)
    {
        var failed = new Fail(scope, "DrillFailed", new FailProps { Error = "Dqe.DrillFailed", Cause = "drill failed or missed its objectives; see the report" });
        var crashed = new Fail(scope, "DrillCrashed", new FailProps { Error = "Dqe.DrillCrashed", CausePath = "$.error.Cause" });
        var reportAfterError = Step(scope, context, "ReportAfterError", "report", "$.drill", ("record.$", "$.drill"));
        reportAfterError.AddCatch(crashed, new CatchProps { ResultPath = "$.reportError" });
        var failBackAfterError = Step(scope, context, "FailBackAfterError", "fail-back", "$.drill", ("record.$", "$.drill"), ("error.$", "$.error.Cause"));
        failBackAfterError.AddCatch(crashed, new CatchProps { ResultPath = "$.failBackError" });
        // A region restore that got past find also hands its state over, so the report says how far the restore came.
        var failBackAfterRestoreError = Step(scope, context, "FailBackAfterRestoreError", "fail-back", "$.drill",
            ("record.$", "$.drill"), ("error.$", "$.error.Cause"), ("restore.$", "$.restore.state"));
        failBackAfterRestoreError.AddCatch(crashed, new CatchProps { ResultPath = "$.failBackError" });
        failBackAfterError.Next(reportAfterError).Next(crashed);
        failBackAfterRestoreError.Next(reportAfterError);
        var recovery = new Choice(scope, "DrillStarted?")
            .When(Condition.And(Condition.IsPresent("$.drill.runId"), Condition.IsPresent("$.restore.state")), failBackAfterRestoreError)
            .When(Condition.IsPresent("$.drill.runId"), failBackAfterError)
            .Otherwise(crashed);

        var start = Steps.CatchAll(Step(scope, context, "Start", "start", "$.drill", ("scenario.$", "$.scenario"), ("dryRun.$", "$.dryRun")), recovery);
        var heartbeat = Steps.CatchAll(Step(scope, context, "Heartbeat", "heartbeat", "$.drill", ("record.$", "$.drill")), recovery);
        var fault = Steps.CatchAll(Step(scope, context, "InjectFault", "fault", "$.drill", ("record.$", "$.drill")), recovery);
        var check = Steps.CatchAll(Step(scope, context, "CheckRecovery", "check", "$.drill", ("record.$", "$.drill")), recovery);
        var measure = Steps.CatchAll(Step(scope, context, "Measure", "measure", "$.drill", ("record.$", "$.drill")), recovery);
        var measureRestore = Steps.CatchAll(Step(scope, context, "MeasureRestore", "measure", "$.drill", ("record.$", "$.drill"), ("restore.$", "$.restore.state")), recovery);
        var failBack = Steps.CatchAll(Step(scope, context, "FailBack", "fail-back", "$.drill", ("record.$", "$.drill")), recovery);
        var report = Steps.CatchAll(Step(scope, context, "Report", "report", "$.drill", ("record.$", "$.drill")), crashed);

        var verdict = new Choice(scope, "Passed?")
            .When(Condition.And(Condition.BooleanEquals("$.drill.dryRun", true), Condition.BooleanEquals("$.drill.failBackVerified", true)), new Succeed(scope, "DryRunDone"))
            .When(Condition.And(Condition.BooleanEquals("$.drill.result.passed", true), Condition.BooleanEquals("$.drill.failBackVerified", true)), new Succeed(scope, "Passed"))
            .Otherwise(failed);
        var over = Condition.Or(Condition.BooleanEquals("$.drill.recovered", true), Condition.BooleanEquals("$.drill.timedOut", true));
        failBack.Next(report).Next(verdict);
        measure.Next(failBack);
        measureRestore.Next(failBack);
        var recovered = new Choice(scope, "Recovered?")
            .When(Condition.And(over, Condition.IsPresent("$.restore.state")), measureRestore)
            .When(over, measure)
            .Otherwise(ActionStep.Wait(scope, "WaitRecovery", CheckSeconds).Next(check));
        check.Next(recovered);
        var firstCheck = ActionStep.Wait(scope, "WaitFirstCheck", CheckSeconds);
        firstCheck.Next(check);
        var heartbeats = new Choice(scope, "HeartbeatsDone?")
            .When(Condition.BooleanEquals("$.drill.heartbeatsDone", true), fault.Next(firstCheck))
            .Otherwise(ActionStep.Wait(scope, "WaitHeartbeat", HeartbeatSeconds).Next(heartbeat));
        heartbeat.Next(heartbeats);

        // The primary is declared lost at once (no heartbeats: they would land in the dr environment, not in what is restored).
        var declareLost = Steps.CatchAll(Step(scope, context, "DeclarePrimaryLost", "fault", "$.drill", ("record.$", "$.drill")), recovery);
        declareLost.Next(RegionRestoreSteps.Restore(scope, context, recovery, firstCheck));
        var scenario = new Choice(scope, "RegionRestore?")
            .When(Condition.And(Condition.StringEquals("$.scenario", "region-restore"), Condition.BooleanEquals("$.dryRun", false)), declareLost)
            .Otherwise(heartbeat);
        return start.Next(scenario);
    }

    private static LambdaInvoke Step(Construct scope, WorkflowContext context, string id, string action, string resultPath, params (string Key, string Path)[] fields) =>
        ActionStep.Invoke(scope, context, Handler, id, action, resultPath, fields);
}
