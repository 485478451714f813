namespace Dqe.Core.Chaos.Handlers;

/// <summary>
/// One benchmark query before and during the faults: the medians (ms) and <see cref="Slowdown"/> = during / before,
/// null when either pass has no median (<see cref="Error"/> says why).
/// </summary>
public sealed record QueryDegradation(string Name, string Engine, double? BeforeMs, double? DuringMs, double? Slowdown, string? Error = null);
