namespace Dqe.Core.Remediation;

/// <summary>Pages a human (SNS to PagerDuty/Slack in AWS) with what was tried and why it was not enough.</summary>
public interface IEscalator
{
    Task EscalateAsync(RemediationDecision decision, string whatWasTried, CancellationToken cancellationToken);
}
