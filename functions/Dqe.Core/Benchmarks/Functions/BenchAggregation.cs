namespace Dqe.Core.Benchmarks.Functions;

/// <summary>Builds one run report from whatever query parts the store holds (also for partial reports).</summary>
internal static class BenchAggregation
{
    public static async Task<BenchmarkReport> MergeAsync(
        IReportStore store, BenchState state, string runId, TimeProvider time, IReadOnlyList<string> extraFailures, CancellationToken cancellationToken)
    {
        var parts = new List<BenchmarkReport>();
        foreach (var key in await store.ListAsync(BenchKeys.QueryParts(runId), cancellationToken).ConfigureAwait(false))
        {
            if (await store.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } json)
            {
                parts.Add(BenchmarkReportJson.Deserialize(json, key));
            }
        }

        var expected = state.Run?.Items.Select(i => i.QueryId).ToList() ?? [];
        var queries = parts.SelectMany(p => p.Queries).ToList();
        var failures = parts.SelectMany(p => p.Failures).Concat(extraFailures).ToList();
        foreach (var missing in expected.Except(queries.Select(q => q.Id)))
        {
            queries.Add(new QueryReport(missing, QueryStatus.Failed, "no result (the run stopped before this query finished)", null, null, []));
            failures.Add($"{missing}: no result");
        }

        var options = state.Input.Options() with { Queries = null };
        var now = time.GetUtcNow();
        var started = parts.Count > 0 ? parts.Min(p => p.StartedAt) : now;
        var report = ReportBuilder.Build(options, state.Engine, state.Run?.ServerVersion ?? parts.FirstOrDefault()?.ServerVersion, started, now,
            [.. queries.OrderBy(q => q.Id, StringComparer.Ordinal)], failures);
        return report with { RunId = runId };
    }
}
