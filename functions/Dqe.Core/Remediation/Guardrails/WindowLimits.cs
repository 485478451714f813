namespace Dqe.Core.Remediation.Guardrails;

/// <summary>The rate limit and blast radius applied to one sliding window.</summary>
public sealed record WindowLimits(TimeSpan Window, int MaxActions, int MaxTargets, int MaxZones)
{
    public static WindowLimits From(RemediationOptions options) =>
        new(options.Window, options.MaxActionsPerWindow, options.MaxTargetsPerWindow, options.MaxZonesPerWindow);
}
