namespace Dqe.Core.Remediation.Guardrails;

/// <summary>The rate-limit and blast-radius rule, shared by every <see cref="IGuardrailStore"/> implementation.</summary>
public static class WindowVerdict
{
    /// <summary>Whether <paramref name="target"/> may be acted on given the targets already acted on in the window.</summary>
    public static ReservationResult Check(IReadOnlyList<RemediationTarget> inWindow, RemediationTarget target, WindowLimits limits)
    {
        if (inWindow.Count >= limits.MaxActions)
        {
            return new(false, $"rate limit: {inWindow.Count} actions in the last {limits.Window} (max {limits.MaxActions})");
        }

        var targets = inWindow.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        if (!targets.Contains(target.Key) && targets.Count >= limits.MaxTargets)
        {
            return new(false, $"blast radius: {targets.Count} targets already acted on in the last {limits.Window} (max {limits.MaxTargets})");
        }

        var zones = inWindow.Select(t => t.Zone).Where(z => z.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (target.Zone.Length > 0 && !zones.Contains(target.Zone) && zones.Count >= limits.MaxZones)
        {
            return new(false, $"blast radius: already acted in zone(s) {string.Join(",", zones.Order(StringComparer.Ordinal))} (max {limits.MaxZones} per window), target is in {target.Zone}");
        }

        return ReservationResult.Ok;
    }
}
