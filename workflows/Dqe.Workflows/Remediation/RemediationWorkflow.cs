using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Dqe.Workflows.Building;

namespace Dqe.Workflows.Remediation;

/// <summary>
/// One alert's remediation, started by the webhook (<c>dqe.remediation.webhook</c>) after it decided under the
/// guardrails: act → Wait <c>verifyAfterSeconds</c> → verify → recovered (audited by verify) or escalate with
/// what was tried. Escalation-only decisions go straight to escalate; any Task error is caught into escalate;
/// escalate itself ends the page when the alert resolved meanwhile. Standard, not Express: the run waits
/// (default 5 min), acts at most once per execution name (the webhook's idempotency key) and keeps a history.
/// Input: <c>{"decision": {...}, "verifyAfterSeconds": 300}</c>.
/// </summary>
public sealed class RemediationWorkflow : IWorkflow
{
    public const string Act = "dqe.remediation.act";
    public const string Verify = "dqe.remediation.verify";
    public const string Escalate = "dqe.remediation.escalate";

    /// <summary>The webhook starts this workflow; it is deployed with it but not called by the definition.</summary>
    public const string Webhook = "dqe.remediation.webhook";

    public string Name => WorkflowNames.Remediation;

    public string Description => "Alert remediation: act on the decided runbook, wait, verify, escalate with what was tried";

    public StateMachineType Type => StateMachineType.STANDARD;

    /// <summary>VerifyAfter is at most 1 h (RemediationOptions); the rest is headroom for the Lambda retries.</summary>
    public TimeSpan Timeout => TimeSpan.FromHours(2);

    public IReadOnlyList<string> Handlers { get; } = [Act, Verify, Escalate];

    /// <summary>Runbooks act through Kubernetes and the engines; verify asks Prometheus (through the API server proxy); escalate uses only the remediation table and topic (granted by the Remediation construct).</summary>
    public HandlerNeeds NeedsOf(string handler) => handler switch
    {
        Act => HandlerNeeds.Kubernetes | HandlerNeeds.Engines,
        Verify => HandlerNeeds.Metrics,
        _ => HandlerNeeds.None,
    };

    public IChainable Define(Construct scope, WorkflowContext context)
    {
        var escalationFailed = new Fail(scope, "EscalationFailed", new FailProps { Error = "Dqe.EscalationFailed", CausePath = "$.escalationError.Cause" });
        var escalated = new Succeed(scope, "Escalated");
        var escalate = Steps.Invoke(scope, "Escalate", context, Escalate, "$.escalation");
        escalate.AddCatch(escalationFailed, new CatchProps { Errors = [Errors.ALL], ResultPath = "$.escalationError" });
        escalate.Next(escalated);

        var act = Steps.CatchAll(Steps.Invoke(scope, "Act", context, Act, "$.act"), escalate);
        var verify = Steps.CatchAll(Steps.Invoke(scope, "Verify", context, Verify, "$.verify"), escalate);
        var waitBeforeVerify = new Wait(scope, "WaitBeforeVerify", new WaitProps { Time = WaitTime.SecondsPath("$.verifyAfterSeconds") });
        var recovered = new Choice(scope, "Recovered?")
            .When(Condition.BooleanEquals("$.verify.recovered", true), new Succeed(scope, "Remediated"))
            .Otherwise(escalate);
        var acted = new Choice(scope, "Acted?")
            .When(Condition.StringEquals("$.act.outcome", "succeeded"), waitBeforeVerify.Next(verify).Next(recovered))
            .When(Condition.StringEquals("$.act.outcome", "resolved"), new Succeed(scope, "ResolvedBeforeActing"))
            .Otherwise(escalate);
        return new Choice(scope, "Actionable?")
            .When(Condition.StringEquals("$.decision.outcome", "act"), act.Next(acted))
            .Otherwise(escalate);
    }
}
