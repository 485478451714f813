namespace Dqe.Core.Remediation.Lambda;

/// <summary>
/// The remediation state machine's state: the webhook's decision, then what each step added. Every handler takes
/// the whole state and returns only its own part (the Task's ResultPath places it).
/// </summary>
public sealed record RemediationRun(RemediationDecision Decision, int VerifyAfterSeconds = 0)
{
    public AuditRecord? Act { get; init; }

    public VerifyResult? Verify { get; init; }

    public StepError? Error { get; init; }
}
