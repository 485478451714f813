namespace Dqe.Core.Chaos.Campaigns;

/// <summary>
/// Abort when probe <paramref name="Probe"/> is outside [<paramref name="Min"/>, <paramref name="Max"/>]
/// (defaults: the probe's own bounds) on <paramref name="Consecutive"/> polls in a row.
/// </summary>
public sealed record AbortCondition(string Probe, double? Min = null, double? Max = null, int Consecutive = 1);
