using Dqe.Core.Remediation.Actions;
using Dqe.Core.Remediation.Guardrails;
using Dqe.Core.Remediation.Webhook;

namespace Dqe.Core.Remediation;

/// <summary>
/// Decides, for one valid alert, whether to act, and records why. Order matters: cheap label checks first, then the
/// cooldown (so retries and HA duplicates stop early), then the breaker, then the window reservation.
/// </summary>
internal sealed class RemediationDecider
{
    private const string DryRunLabel = "remediation_dry_run";
    private readonly RemediationOptions _options;
    private readonly RunbookRegistry _runbooks;
    private readonly IGuardrailStore _store;
    private readonly TimeProvider _time;

    public RemediationDecider(RemediationOptions options, RunbookRegistry runbooks, IGuardrailStore store, TimeProvider time)
    {
        _options = options;
        _runbooks = runbooks;
        _store = store;
        _time = time;
    }

    public async Task<RemediationDecision> DecideAsync(ValidAlert alert, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var action = alert.Label("remediation");
        var dryRun = _options.DryRun || string.Equals(alert.Label(DryRunLabel), "true", StringComparison.OrdinalIgnoreCase);
        RemediationDecision Decide(RemediationTarget? target, string outcome, string reason) =>
            new(Guid.NewGuid().ToString("n"), alert, action.Length > 0 ? action : RunbookActions.None, target, outcome, reason, dryRun);

        if (!alert.Firing)
        {
            await _store.MarkResolvedAsync(alert.Fingerprint, now, cancellationToken).ConfigureAwait(false);
            return Decide(null, DecisionOutcome.Resolved, "alert resolved: in-flight remediation and escalation end");
        }

        var runbook = _runbooks.Find(action);
        if (runbook is null)
        {
            return Decide(null, DecisionOutcome.Escalate, action.Length == 0 ? "no remediation label" : $"unknown remediation '{(action.Length > 40 ? action[..40] : action)}'");
        }

        if (runbook.Name == RunbookActions.None)
        {
            return Decide(null, DecisionOutcome.Escalate, "remediation=none: a human follows the runbook");
        }

        RemediationTarget target;
        try
        {
            target = runbook.ResolveTarget(alert) ?? throw new TargetResolutionException("the action names no target");
        }
        catch (TargetResolutionException e)
        {
            return Decide(null, DecisionOutcome.Escalate, e.Message);
        }

        if (_options.ProtectedNamespaces.Contains(target.Namespace, StringComparer.Ordinal))
        {
            return Decide(target, DecisionOutcome.Escalate, $"namespace {target.Namespace} is protected: never remediated automatically");
        }

        var resolvedAt = await _store.GetResolvedAtAsync(alert.Fingerprint, cancellationToken).ConfigureAwait(false);
        if (resolvedAt >= alert.StartsAt)
        {
            return Decide(target, DecisionOutcome.Resolved, $"alert already resolved at {resolvedAt:O}: nothing to do");
        }

        var cooldownKey = $"{alert.AlertName}|{target.Key}";
        if (!await _store.TryStartCooldownAsync(cooldownKey, now, _options.Cooldown, cancellationToken).ConfigureAwait(false))
        {
            return Decide(target, DecisionOutcome.Duplicate, $"{alert.AlertName} on {target.Key} was handled less than {_options.Cooldown} ago");
        }

        var decision = Decide(target, DecisionOutcome.Act, "") with { CooldownKey = cooldownKey };
        var failures = await _store.GetFailuresAsync(decision.AlertKey, cancellationToken).ConfigureAwait(false);
        if (failures >= _options.CircuitBreakerFailures)
        {
            return decision with { Outcome = DecisionOutcome.Escalate, Reason = $"circuit breaker open: {failures} failed remediations of this alert" };
        }

        var reservation = await _store.TryReserveAsync(target, now, WindowLimits.From(_options), cancellationToken).ConfigureAwait(false);
        if (!reservation.Reserved)
        {
            return decision with { Outcome = DecisionOutcome.Escalate, Reason = reservation.Reason };
        }

        return dryRun
            ? decision with { Outcome = DecisionOutcome.DryRun, Reason = $"dry-run: would {runbook.Name} {target.Key}" }
            : decision with { Reason = $"{runbook.Name} {target.Key}: guardrails passed" };
    }
}
