namespace Dqe.Core.Chaos.Handlers;

/// <summary>
/// One campaign benchmark query in one pass: its median wall time, or why it has none. Optional fields default
/// to null because the state omits nulls and is read back with required constructor parameters respected.
/// </summary>
public sealed record BenchmarkTiming(string Name, string Engine, double? MedianMs = null, string? Error = null);
