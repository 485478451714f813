namespace Dqe.Core.Chaos.Campaigns;

/// <summary>
/// One steady-state probe. <see cref="Type"/> is one of <see cref="ProbeTypes"/>; a probe passes when its
/// measured value is within [<see cref="Min"/>, <see cref="Max"/>] (see docs/chaos.md for each type's value).
/// </summary>
public sealed record ProbeSpec(
    string Name,
    string Type,
    string? Query = null,
    string? Engine = null,
    double? Min = null,
    double? Max = null,
    string Timeout = "10s");
