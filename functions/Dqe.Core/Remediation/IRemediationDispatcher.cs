namespace Dqe.Core.Remediation;

/// <summary>
/// Carries out a decision: in AWS it starts the remediation state machine (act, wait, verify, escalate); locally
/// <see cref="InlineRemediationDispatcher"/> acts at once and escalates on failure.
/// </summary>
public interface IRemediationDispatcher
{
    Task DispatchAsync(RemediationDecision decision, CancellationToken cancellationToken);
}
