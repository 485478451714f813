namespace Dqe.Core.Remediation;

/// <summary>Local escalation: the page becomes an audit record (and a log line through the audit sink).</summary>
public sealed class AuditingEscalator : IEscalator
{
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;

    public AuditingEscalator(IAuditLog audit, TimeProvider time)
    {
        _audit = audit;
        _time = time;
    }

    public Task EscalateAsync(RemediationDecision decision, string whatWasTried, CancellationToken cancellationToken) =>
        _audit.AppendAsync(RemediationAudit.Of(decision, "escalate", DecisionOutcome.Escalate, $"paged a human; tried: {whatWasTried}", _time.GetUtcNow()), cancellationToken);
}
