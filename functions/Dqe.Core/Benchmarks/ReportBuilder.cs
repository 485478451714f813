namespace Dqe.Core.Benchmarks;

/// <summary>Turns measurements into the report records: per-level statistics, suite geomean and throughput.</summary>
internal static class ReportBuilder
{
    public static LevelReport Level(int concurrency, IReadOnlyList<Measurement> measured, TimeSpan wall)
    {
        var samples = measured.Select(m => Math.Round(m.WallMs, 3)).ToList();
        var hours = Math.Max(wall.TotalHours, 1e-12);
        return new LevelReport(
            concurrency, samples, LatencyStatistics.Compute(samples), measured.Count / hours,
            MedianOrNull(measured.Select(m => (double)m.EngineElapsedMs)), MedianOrNull(measured.Select(m => (double)m.EngineCpuMs)),
            measured.Max(m => m.ProcessedRows), measured.Max(m => m.ProcessedBytes));
    }

    public static BenchmarkReport Build(
        BenchmarkOptions options, string engine, string? version, DateTimeOffset started, DateTimeOffset finished,
        IReadOnlyList<QueryReport> queries, IReadOnlyList<string> failures)
    {
        var summary = Summarize(queries, options.ConcurrencyLevels, null);
        var settings = new ReportSettings(options.Warmups, options.Iterations, options.ConcurrencyLevels, options.Timeout.TotalSeconds, [.. queries.Select(q => q.Id)]);
        return new BenchmarkReport(
            BenchmarkReport.CurrentSchemaVersion, RunId(engine, options, started), engine, options.Suite, options.Scale, version,
            started, finished, failures.Count == 0 ? RunStatus.Succeeded : RunStatus.Failed, settings, queries, summary, failures);
    }

    public static SuiteSummary Summarize(IReadOnlyList<QueryReport> queries, IReadOnlyList<int> levels, IReadOnlyList<QueryComparison>? comparison)
    {
        var ok = queries.Where(q => q.Status == QueryStatus.Ok).ToList();
        var throughput = levels.Select(c =>
        {
            var atLevel = ok.SelectMany(q => q.Levels.Where(l => l.Concurrency == c)).ToList();
            var executions = atLevel.Sum(l => l.SamplesMs.Count);
            var seconds = atLevel.Sum(l => l.SamplesMs.Count / l.QueriesPerHour * 3600);
            return new ThroughputLevel(c, executions, Math.Round(seconds, 6), seconds > 0 ? executions / seconds * 3600 : 0);
        }).ToList();
        return new SuiteSummary(
            queries.Count, ok.Count, queries.Count(q => q.Status is not (QueryStatus.Ok or QueryStatus.Skipped)), queries.Count(q => q.Status == QueryStatus.Skipped),
            LatencyStatistics.GeometricMean(ok.Select(q => q.MedianMs!.Value)), throughput,
            comparison?.Count(c => c.Verdict == Verdict.Slower) ?? 0, comparison?.Count(c => c.Verdict == Verdict.Faster) ?? 0);
    }

    /// <summary>Sortable and unique per start: <c>20261125T191500Z-clickhouse-clickbench-10k</c>.</summary>
    public static string RunId(string engine, BenchmarkOptions options, DateTimeOffset started) =>
        $"{started.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{engine}-{options.Suite}-{options.Scale}";

    private static double? MedianOrNull(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 || sorted[^1] == 0 ? null : LatencyStatistics.Median(sorted);
    }
}
