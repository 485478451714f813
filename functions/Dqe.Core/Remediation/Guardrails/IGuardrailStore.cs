namespace Dqe.Core.Remediation.Guardrails;

/// <summary>
/// The shared state behind the guardrails. Every check-and-set is atomic (in memory: a lock; DynamoDB: conditional
/// writes) so concurrent webhook deliveries (retries, HA Alertmanager peers) cannot both act.
/// </summary>
public interface IGuardrailStore
{
    /// <summary>Starts the cooldown of <paramref name="key"/>; false when one is still running (a duplicate).</summary>
    Task<bool> TryStartCooldownAsync(string key, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken);

    /// <summary>Ends the cooldown of <paramref name="key"/> early: its decision was never carried out (dispatch failed), so a retry must not be a duplicate.</summary>
    Task ReleaseCooldownAsync(string key, CancellationToken cancellationToken);

    /// <summary>Failed remediations of <paramref name="alertKey"/> since its last success.</summary>
    Task<int> GetFailuresAsync(string alertKey, CancellationToken cancellationToken);

    /// <summary>A failure adds one; a success closes the breaker again.</summary>
    Task RecordResultAsync(string alertKey, bool succeeded, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Reserves one action in the current window unless the rate limit or the blast radius forbids it.</summary>
    Task<ReservationResult> TryReserveAsync(RemediationTarget target, DateTimeOffset now, WindowLimits limits, CancellationToken cancellationToken);

    Task MarkResolvedAsync(string fingerprint, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>When the alert last resolved, if it did.</summary>
    Task<DateTimeOffset?> GetResolvedAtAsync(string fingerprint, CancellationToken cancellationToken);
}
