namespace Dqe.Core.Benchmarks;

/// <summary>The run's settings as recorded in the report.</summary>
public sealed record ReportSettings(int Warmups, int Iterations, IReadOnlyList<int> Concurrency, double TimeoutSeconds, IReadOnlyList<string> Queries);
