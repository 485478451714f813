namespace Dqe.Core.Chaos.Handlers;

/// <summary>One campaign benchmark query in one pass: its median wall time, or why it has none.</summary>
public sealed record BenchmarkTiming(string Name, string Engine, double? MedianMs, string? Error = null);
