namespace Dqe.Core.Chaos.Campaigns;

/// <summary>
/// The most a campaign may affect. Defaults: one pod, no node, a third of the target's pods, and only the
/// engines' namespaces (<see cref="ChaosLimits.EngineNamespaces"/>).
/// </summary>
public sealed record BlastRadiusSpec(
    int MaxPods = 1,
    int MaxNodes = 0,
    int MaxPercent = 34,
    IReadOnlyList<string>? AllowedNamespaces = null)
{
    public IReadOnlyList<string> EffectiveNamespaces => AllowedNamespaces ?? ChaosLimits.EngineNamespaces;
}
