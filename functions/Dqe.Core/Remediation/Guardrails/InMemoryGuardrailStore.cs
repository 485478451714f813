namespace Dqe.Core.Remediation.Guardrails;

/// <summary>Guardrail state for the local server and tests: one process, one lock.</summary>
public sealed class InMemoryGuardrailStore : IGuardrailStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _cooldownUntil = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _resolved = new(StringComparer.Ordinal);
    private readonly List<(DateTimeOffset At, RemediationTarget Target)> _actions = [];

    public Task<bool> TryStartCooldownAsync(string key, DateTimeOffset now, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_cooldownUntil.TryGetValue(key, out var until) && until > now)
            {
                return Task.FromResult(false);
            }

            _cooldownUntil[key] = now + cooldown;
            return Task.FromResult(true);
        }
    }

    public Task ReleaseCooldownAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _cooldownUntil.Remove(key);
        }

        return Task.CompletedTask;
    }

    public Task<int> GetFailuresAsync(string alertKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_failures.GetValueOrDefault(alertKey));
        }
    }

    public Task RecordResultAsync(string alertKey, bool succeeded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _failures[alertKey] = succeeded ? 0 : _failures.GetValueOrDefault(alertKey) + 1;
        }

        return Task.CompletedTask;
    }

    public Task<ReservationResult> TryReserveAsync(RemediationTarget target, DateTimeOffset now, WindowLimits limits, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _actions.RemoveAll(a => a.At <= now - limits.Window);
            var verdict = WindowVerdict.Check(_actions.Select(a => a.Target).ToList(), target, limits);
            if (verdict.Reserved)
            {
                _actions.Add((now, target));
            }

            return Task.FromResult(verdict);
        }
    }

    public Task MarkResolvedAsync(string fingerprint, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _resolved[fingerprint] = at;
        }

        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> GetResolvedAtAsync(string fingerprint, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_resolved.TryGetValue(fingerprint, out var at) ? at : (DateTimeOffset?)null);
        }
    }
}
