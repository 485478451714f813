namespace Dqe.Core.Benchmarks;

/// <summary>
/// Compares a candidate report with a baseline query by query (same id and concurrency level) and returns the
/// candidate with <see cref="BenchmarkReport.Comparison"/> and the regression counts filled in.
/// </summary>
public sealed class BenchmarkComparer(RegressionOptions options)
{
    public BenchmarkReport Compare(BenchmarkReport baseline, BenchmarkReport candidate)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        options.Validate();
        var detector = new RegressionDetector(options);
        var comparisons = new List<QueryComparison>();
        foreach (var query in candidate.Queries)
        {
            var before = baseline.Queries.FirstOrDefault(q => q.Id == query.Id);
            foreach (var level in query.Levels)
            {
                var old = before?.Levels.FirstOrDefault(l => l.Concurrency == level.Concurrency);
                comparisons.Add(old is null
                    ? new QueryComparison(query.Id, level.Concurrency, Verdict.Inconclusive, "not in the baseline", 0, level.SamplesMs.Count, null, level.Stats.MedianMs, null, null, null)
                    : detector.Compare(query.Id, level.Concurrency, old.SamplesMs, level.SamplesMs));
            }
        }

        var summary = ReportBuilder.Summarize(candidate.Queries, candidate.Settings.Concurrency, comparisons);
        return candidate with { BaselineRunId = baseline.RunId, Comparison = comparisons, Summary = summary };
    }
}
