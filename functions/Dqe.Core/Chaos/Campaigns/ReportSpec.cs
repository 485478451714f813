namespace Dqe.Core.Chaos.Campaigns;

/// <summary>What a run reports: JSON always; HTML timeline optional; benchmark queries timed before and during the fault.</summary>
public sealed record ReportSpec(bool Html = true, IReadOnlyList<BenchmarkQuery>? Benchmark = null);
