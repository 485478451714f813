namespace Dqe.Core.Benchmarks;

/// <summary>A progress snapshot: executions done out of planned, and which query/phase is running.</summary>
public sealed record BenchmarkProgress(string QueryId, string Phase, int Completed, int Total);
