using Dqe.Core.Benchmarks;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>Small hand-built reports for JSON/HTML/compare tests.</summary>
internal static class SampleReports
{
    public static BenchmarkReport Create(string engine = "clickhouse", double factor = 1, string runId = "20261125T030000Z-clickhouse-clickbench-10k", bool failed = false)
    {
        var q1 = Query("q01", [.. new[] { 10.0, 11, 12, 10.5, 11.5 }.Select(v => v * factor)]);
        var q2 = Query("q02", [.. new[] { 100.0, 104, 98, 101, 99 }.Select(v => v * factor)]);
        var queries = failed
            ? new List<QueryReport> { q1, q2, new("q03", QueryStatus.WrongResult, "expected 10 rows at scale 10k, got 3", 10, 3, []) }
            : [q1, q2];
        var summary = new SuiteSummary(queries.Count, 2, failed ? 1 : 0, 0, LatencyStatistics.GeometricMean([q1.MedianMs!.Value, q2.MedianMs!.Value]), [new ThroughputLevel(1, 10, 0.6, 60000)], 0, 0);
        return new BenchmarkReport(
            BenchmarkReport.CurrentSchemaVersion, runId, engine, "clickbench", "10k", "18.16.1",
            new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 3, 1, 0, TimeSpan.Zero),
            failed ? RunStatus.Failed : RunStatus.Succeeded, new ReportSettings(1, 5, [1], 600, [.. queries.Select(q => q.Id)]), queries, summary,
            failed ? ["q03: WrongResult: expected 10 rows at scale 10k, got 3"] : []);
    }

    private static QueryReport Query(string id, double[] samples) =>
        new(id, QueryStatus.Ok, null, 1, 1, [new LevelReport(1, samples, LatencyStatistics.Compute(samples), 3600, 9, 4, 10000, 80000)]);
}
