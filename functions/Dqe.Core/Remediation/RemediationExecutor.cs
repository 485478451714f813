using Dqe.Core.Remediation.Actions;
using Dqe.Core.Remediation.Guardrails;

namespace Dqe.Core.Remediation;

/// <summary>
/// The act step: re-checks that the alert has not resolved meanwhile, runs the runbook, feeds the circuit breaker
/// and audits the result. Failures are returned (not thrown) so the caller escalates with what was tried.
/// </summary>
public sealed class RemediationExecutor
{
    private readonly RunbookRegistry _runbooks;
    private readonly IGuardrailStore _store;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;

    public RemediationExecutor(RunbookRegistry runbooks, IGuardrailStore store, IAuditLog audit, TimeProvider time)
    {
        _runbooks = runbooks;
        _store = store;
        _audit = audit;
        _time = time;
    }

    public async Task<AuditRecord> ActAsync(RemediationDecision decision, CancellationToken cancellationToken)
    {
        var record = await RunAsync(decision, cancellationToken).ConfigureAwait(false);
        await _audit.AppendAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    private async Task<AuditRecord> RunAsync(RemediationDecision decision, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var runbook = _runbooks.Find(decision.Action);
        if (decision.Outcome != DecisionOutcome.Act || decision.Target is null || runbook is null)
        {
            return RemediationAudit.Of(decision, "act", DecisionOutcome.Failed, $"decision {decision.Outcome} is not actionable", now);
        }

        var resolvedAt = await _store.GetResolvedAtAsync(decision.Alert.Fingerprint, cancellationToken).ConfigureAwait(false);
        if (resolvedAt >= decision.Alert.StartsAt)
        {
            return RemediationAudit.Of(decision, "act", DecisionOutcome.Resolved, "alert resolved before acting: nothing changed", now);
        }

        try
        {
            var done = await runbook.Execute(decision.Alert, decision.Target, cancellationToken).ConfigureAwait(false);
            await _store.RecordResultAsync(decision.AlertKey, true, now, cancellationToken).ConfigureAwait(false);
            return RemediationAudit.Of(decision, "act", DecisionOutcome.Succeeded, done, _time.GetUtcNow());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await _store.RecordResultAsync(decision.AlertKey, false, now, cancellationToken).ConfigureAwait(false);
            return RemediationAudit.Of(decision, "act", DecisionOutcome.Failed, $"{runbook.Name} failed: {e.Message}", _time.GetUtcNow());
        }
    }
}
