using Amazon.CDK;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Dqe.Workflows.Building;

namespace Dqe.Workflows.Chaos;

/// <summary>
/// Runs one chaos campaign (input: <c>{"campaign": {...}}</c>, the campaign file as JSON):
/// validate (steady state must hold before anything is injected) → inject → observe (probes polled, abort
/// conditions checked) on a Wait loop until the faults are over → recover (rollback, looped until the cluster is
/// clean) → verify steady state within the recovery timeout → report (JSON + HTML to the reports bucket). Any task failure, the observe step's abort, or the execution timeout's
/// predecessor errors go to the rollback loop → report → Fail. Rollback that gives up fails the execution;
/// the scheduled sweeper removes the leftovers after their expiry. No step sleeps.
/// </summary>
public sealed class ChaosWorkflow : IWorkflow
{
    public const string Validate = "dqe.chaos.validate";
    public const string Inject = "dqe.chaos.inject";
    public const string Observe = "dqe.chaos.observe";
    public const string Rollback = "dqe.chaos.rollback";
    public const string Report = "dqe.chaos.report";
    public const string Verify = "dqe.chaos.verify";

    public string Name => WorkflowNames.Chaos;

    public string Description => "Chaos campaign: validate, inject Chaos Mesh faults, observe, guaranteed rollback, report";

    public StateMachineType Type => StateMachineType.STANDARD;

    /// <summary>Campaigns last at most 1 h plus 30 min recovery; the rest is rollback headroom.</summary>
    public TimeSpan Timeout => TimeSpan.FromHours(3);

    public IReadOnlyList<string> Handlers { get; } = [Validate, Inject, Observe, Rollback, Verify, Report];

    /// <summary>Validate, inject, observe and rollback act through the Kubernetes API; the probes query the engines.</summary>
    public HandlerNeeds NeedsOf(string handler) => handler switch
    {
        Validate or Observe or Verify => HandlerNeeds.Kubernetes | HandlerNeeds.Engines | HandlerNeeds.Metrics,
        Inject or Rollback => HandlerNeeds.Kubernetes,
        Report => HandlerNeeds.Reports,
        _ => HandlerNeeds.None,
    };

    public IChainable Define(Construct scope, WorkflowContext context)
    {
        // Failure path: roll back until clean, report, fail with the original error.
        var failed = new Fail(scope, "CampaignFailed", new FailProps { Error = "Dqe.ChaosCampaignFailed", Cause = "chaos campaign failed; the run report holds the error and the timeline" });
        var rollbackGaveUp = new Fail(scope, "RollbackIncomplete", new FailProps { Error = "Dqe.ChaosRollbackIncomplete", Cause = "rollback gave up; the sweeper removes leftovers after their expiry" });
        var failureReport = Steps.Invoke(scope, "ReportFailure", context, Report);
        failureReport.AddCatch(failed, new CatchProps { Errors = [Errors.ALL], ResultPath = "$.reportError" });
        var rollback = Steps.Invoke(scope, "Rollback", context, Rollback);
        rollback.AddCatch(rollbackGaveUp, new CatchProps { Errors = [Errors.ALL], ResultPath = "$.rollbackError" });
        var rollbackWait = new Wait(scope, "WaitBeforeRollbackRetry", new WaitProps { Time = WaitTime.Duration(Duration.Seconds(15)) });
        rollback.Next(new Choice(scope, "RolledBack?")
            .When(Condition.BooleanEquals("$.clean", true), failureReport.Next(failed))
            .Otherwise(rollbackWait.Next(rollback)));

        // Happy path: the same rollback handler recovers the faults, looped until clean.
        var report = Steps.CatchAll(Steps.Invoke(scope, "Report", context, Report), failed);
        var recover = Steps.CatchAll(Steps.Invoke(scope, "Recover", context, Rollback), rollback);
        var recoverWait = new Wait(scope, "WaitBeforeRecoverRetry", new WaitProps { Time = WaitTime.Duration(Duration.Seconds(15)) });
        // Steady state must come back within the recovery timeout: verify decides ($.recovered), else poll again.
        var verify = Steps.CatchAll(Steps.Invoke(scope, "VerifySteadyState", context, Verify), rollback);
        var verifyWait = new Wait(scope, "WaitBeforeVerifyRetry", new WaitProps { Time = WaitTime.SecondsPath("$.pollSeconds") });
        verify.Next(new Choice(scope, "SteadyStateDecided?")
            .When(Condition.IsPresent("$.recovered"), report.Next(new Succeed(scope, "CampaignDone")))
            .Otherwise(verifyWait.Next(verify)));
        recover.Next(new Choice(scope, "Recovered?")
            .When(Condition.BooleanEquals("$.clean", true), verify)
            .Otherwise(recoverWait.Next(recover)));

        var validate = Steps.CatchAll(Steps.Invoke(scope, "Validate", context, Validate), rollback);
        var inject = Steps.CatchAll(Steps.Invoke(scope, "Inject", context, Inject), rollback);
        var observe = Steps.CatchAll(Steps.Invoke(scope, "Observe", context, Observe), rollback);
        var pollWait = new Wait(scope, "WaitBetweenPolls", new WaitProps { Time = WaitTime.SecondsPath("$.pollSeconds") });
        observe.Next(new Choice(scope, "FaultsOver?")
            .When(Condition.BooleanEquals("$.faultsOver", true), recover)
            .Otherwise(pollWait.Next(observe)));
        return validate.Next(inject).Next(observe);
    }
}
