using Dqe.Core.Remediation.Actions;
using Dqe.Core.Remediation.Guardrails;

namespace Dqe.Core.Remediation.Lambda;

/// <summary>
/// The verify step: recovered when the alert resolved since it started firing (Alertmanager's resolved
/// notification, recorded by the webhook), or when its source no longer has it firing. Audited either way.
/// </summary>
public sealed class RemediationVerifier
{
    private readonly IGuardrailStore _store;
    private readonly IAlertSource? _source;
    private readonly RunbookRegistry _runbooks;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;

    /// <param name="source">Null when no Prometheus is reachable: only the resolved notification counts.</param>
    public RemediationVerifier(IGuardrailStore store, IAlertSource? source, RunbookRegistry runbooks, IAuditLog audit, TimeProvider time)
    {
        _store = store;
        _source = source;
        _runbooks = runbooks;
        _audit = audit;
        _time = time;
    }

    public async Task<VerifyResult> VerifyAsync(RemediationDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var result = await CheckAsync(decision, cancellationToken).ConfigureAwait(false);
        await _audit.AppendAsync(RemediationAudit.Of(decision, "verify", result.Recovered ? DecisionOutcome.Succeeded : DecisionOutcome.Failed,
            result.Reason, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<VerifyResult> CheckAsync(RemediationDecision decision, CancellationToken cancellationToken)
    {
        var alert = decision.Alert;
        if (await _store.GetResolvedAtAsync(alert.Fingerprint, cancellationToken).ConfigureAwait(false) is { } resolvedAt && resolvedAt >= alert.StartsAt)
        {
            return new VerifyResult(true, $"alert resolved at {resolvedAt:O}");
        }

        if (_source is null)
        {
            return new VerifyResult(false, "the alert has not resolved");
        }

        var identifying = (_runbooks.Find(decision.Action)?.TargetLabels ?? [])
            .Where(alert.Labels.ContainsKey)
            .ToDictionary(l => l, l => alert.Labels[l], StringComparer.Ordinal);
        return await _source.IsFiringAsync(alert.AlertName, identifying, cancellationToken).ConfigureAwait(false)
            ? new VerifyResult(false, $"Prometheus still has {alert.AlertName} firing for {decision.Target?.Key ?? "the target"}")
            : new VerifyResult(true, $"Prometheus no longer has {alert.AlertName} firing");
    }
}
