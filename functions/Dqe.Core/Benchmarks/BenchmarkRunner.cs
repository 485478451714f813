using Dqe.Core.Engines;

namespace Dqe.Core.Benchmarks;

/// <summary>
/// Runs a suite's queries: warmups, then at each concurrency level <c>c</c> workers each run the measured
/// iterations. Every execution is row-checked; a wrong count, error or timeout fails that query (the run
/// goes on with the next one) and is reported, never silently measured.
/// </summary>
internal sealed class BenchmarkRunner(IQueryEngine engine, TimeProvider time)
{
    public async Task<BenchmarkReport> RunAsync(
        BenchmarkOptions options, IReadOnlyList<BenchmarkQuery> queries, IProgress<BenchmarkProgress>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        var started = time.GetUtcNow();
        var tracker = new ProgressTracker(progress, queries.Count * (options.Warmups + options.ConcurrencyLevels.Sum(c => c * options.Iterations)));
        var reports = new List<QueryReport>();
        var failures = new List<string>();
        string? version = null;
        try
        {
            version = await ProbeVersionAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is QueryEngineException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var message = $"server: {engine.Name} did not answer SELECT version(): {Describe(e)}";
            failures.Add(message);
            reports.AddRange(queries.Select(q => new QueryReport(q.Id, QueryStatus.Failed, message, q.ExpectedRowsAt(options.Scale), null, [])));
        }

        if (failures.Count == 0)
        {
            foreach (var query in queries)
            {
                var report = await RunQueryAsync(options, query, version, tracker, cancellationToken).ConfigureAwait(false);
                reports.Add(report);
                if (report.Status is not (QueryStatus.Ok or QueryStatus.Skipped))
                {
                    failures.Add($"{query.Id}: {report.Status}: {report.Error}");
                }
            }
        }

        return ReportBuilder.Build(options, engine.Name, version, started, time.GetUtcNow(), reports, failures);
    }

    private async Task<string?> ProbeVersionAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        using var timeout = Timeout(options, cancellationToken);
        var rows = await engine.QueryRowsAsync(new QueryRequest("SELECT version()"), timeout.Token).ConfigureAwait(false);
        return rows.Count > 0 && rows[0].Count > 0 ? Convert.ToString(rows[0].Values.First(), System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private async Task<QueryReport> RunQueryAsync(
        BenchmarkOptions options, BenchmarkQuery query, string? version, ProgressTracker tracker, CancellationToken cancellationToken)
    {
        var expected = query.ExpectedRowsAt(options.Scale);
        if (!ServerVersion.Satisfies(version, query.MinVersion))
        {
            tracker.Skip(options.Warmups + options.ConcurrencyLevels.Sum(c => c * options.Iterations));
            return new QueryReport(query.Id, QueryStatus.Skipped, $"needs server {query.MinVersion}, have {version}", expected, null, []);
        }

        var levels = new List<LevelReport>();
        long? rows = null;
        try
        {
            for (var i = 0; i < options.Warmups; i++)
            {
                rows = (await ExecuteAsync(options, query, expected, cancellationToken).ConfigureAwait(false)).Rows;
                tracker.Done(query.Id, "warmup");
            }

            foreach (var concurrency in options.ConcurrencyLevels)
            {
                var start = time.GetTimestamp();
                var workers = Enumerable.Range(0, concurrency).Select(async _ =>
                {
                    var list = new List<Measurement>(options.Iterations);
                    for (var i = 0; i < options.Iterations; i++)
                    {
                        list.Add(await ExecuteAsync(options, query, expected, cancellationToken).ConfigureAwait(false));
                        tracker.Done(query.Id, $"c={concurrency}");
                    }

                    return list;
                });
                var measured = (await Task.WhenAll(workers).ConfigureAwait(false)).SelectMany(m => m).ToList();
                rows = measured[^1].Rows;
                levels.Add(ReportBuilder.Level(concurrency, measured, time.GetElapsedTime(start)));
            }

            return new QueryReport(query.Id, QueryStatus.Ok, null, expected, rows, levels);
        }
        catch (WrongRowCountException e)
        {
            return new QueryReport(query.Id, QueryStatus.WrongResult, e.Message, expected, e.Rows, levels);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new QueryReport(query.Id, QueryStatus.Cancelled, "run cancelled", expected, rows, levels);
        }
        catch (OperationCanceledException)
        {
            return new QueryReport(query.Id, QueryStatus.TimedOut, $"timed out after {options.Timeout.TotalSeconds:0.###} s", expected, rows, levels);
        }
        catch (Exception e) when (e is QueryEngineException or HttpRequestException or IOException)
        {
            return new QueryReport(query.Id, QueryStatus.Failed, Describe(e), expected, rows, levels);
        }
    }

    private async Task<Measurement> ExecuteAsync(BenchmarkOptions options, BenchmarkQuery query, long? expected, CancellationToken cancellationToken)
    {
        using var timeout = Timeout(options, cancellationToken);
        var start = time.GetTimestamp();
        var result = await engine.ExecuteAsync(new QueryRequest(query.Sql), timeout.Token).ConfigureAwait(false);
        await using (result.ConfigureAwait(false))
        {
            var rows = await result.DrainAsync(timeout.Token).ConfigureAwait(false);
            var wall = time.GetElapsedTime(start).TotalMilliseconds;
            if (expected is { } want && rows != want)
            {
                throw new WrongRowCountException($"expected {want} rows at scale {options.Scale}, got {rows}", rows);
            }

            var stats = result.Stats;
            return new Measurement(wall, stats.ElapsedMillis, stats.CpuMillis, rows, stats.ProcessedRows, stats.ProcessedBytes);
        }
    }

    private TimeoutScope Timeout(BenchmarkOptions options, CancellationToken cancellationToken) => new(options.Timeout, time, cancellationToken);

    private static string Describe(Exception e) => e switch
    {
        QueryEngineException q when q.ErrorName.Length > 0 => q.ToOneLine(),
        OperationCanceledException => "timed out",
        _ => e.Message.ReplaceLineEndings(" "),
    };

    /// <summary>Cancels at the timeout measured on the injected clock (tests drive it without waiting) or with the caller.</summary>
    private sealed class TimeoutScope : IDisposable
    {
        private readonly CancellationTokenSource _timer;
        private readonly CancellationTokenSource _linked;

        public TimeoutScope(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
        {
            _timer = new CancellationTokenSource(timeout, time);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _timer.Token);
        }

        public CancellationToken Token => _linked.Token;

        public void Dispose()
        {
            _linked.Dispose();
            _timer.Dispose();
        }
    }

    private sealed class WrongRowCountException(string message, long rows) : Exception(message)
    {
        public long Rows { get; } = rows;
    }

    private sealed class ProgressTracker(IProgress<BenchmarkProgress>? progress, int total)
    {
        private int _completed;

        public void Done(string queryId, string phase) =>
            progress?.Report(new BenchmarkProgress(queryId, phase, Interlocked.Increment(ref _completed), total));

        public void Skip(int executions) => Interlocked.Add(ref _completed, executions);
    }
}
