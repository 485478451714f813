using Dqe.Cli.Query;
using Dqe.Core.Benchmarks;
using Dqe.Core.Benchmarks.ClickHouseData;
using Dqe.Core.Benchmarks.Reports;
using Dqe.Core.Engines;

namespace Dqe.Cli.Bench;

/// <summary>
/// `dqe bench run`: prepares the ClickHouse suite tables (once per scale), runs the suite, compares with a baseline when given,
/// writes report.json + report.html, prints one line per query. Exit 0 only for a clean run without regressions.
/// </summary>
internal sealed class BenchRun(TextWriter output, TextWriter error, HttpClient http, TimeProvider time)
{
    public async Task<int> RunAsync(BenchRunSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.Options;
        options.Validate();
        settings.ClickHouse.Validate();
        var queries = QueryCatalog.Embedded.Resolve(options.Engine, options.Suite, options.Queries);
        var tables = options.Engine == "clickhouse" && SuiteSources.HasTables(options.Suite);
        _ = tables ? SuiteSources.For(options.Suite, options.Scale, settings.ClickHouse) : null; // a bad scale fails here, before anything is sent
        var baseline = settings.Baseline is { } b ? await LoadAsync(b, cancellationToken).ConfigureAwait(false) : null;
        var other = settings.Other is { } o ? await LoadAsync(o, cancellationToken).ConfigureAwait(false) : null;
        var history = settings.History is { Exists: true } h ? await HistoryAsync(h, cancellationToken).ConfigureAwait(false) : [];
        var trino = options.Engine == "trino";
        var engine = EngineFactory.Create(options.Engine, new EngineSettings(
            settings.Server, settings.User, trino ? options.Suite : null, trino ? options.Scale : settings.ClickHouse.Database, settings.AllowInsecure), http);

        var setupError = tables ? await PrepareAsync(engine, options, settings.ClickHouse, cancellationToken).ConfigureAwait(false) : null;
        var report = await new BenchmarkRunner(engine, time).RunAsync(options, queries, new ProgressBar(error), cancellationToken).ConfigureAwait(false);
        if (setupError is not null)
        {
            report = report with { Status = RunStatus.Failed, Failures = [setupError, .. report.Failures] };
        }

        if (baseline is not null)
        {
            report = new BenchmarkComparer(new RegressionOptions()).Compare(baseline, report);
        }

        settings.Out.Create();
        var json = Path.Combine(settings.Out.FullName, "report.json");
        await File.WriteAllTextAsync(json, BenchmarkReportJson.Serialize(report), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(settings.Out.FullName, "report.html"), HtmlReport.Render(report, baseline, other, history), cancellationToken).ConfigureAwait(false);
        Print(report);
        foreach (var failure in report.Failures)
        {
            await error.WriteLineAsync($"dqe bench: {failure}").ConfigureAwait(false);
        }

        await error.WriteLineAsync($"dqe bench: {report.Status}; wrote {json} and report.html").ConfigureAwait(false);
        return report.Status == RunStatus.Succeeded && report.Summary.Regressions == 0 ? 0 : 1;
    }

    private async Task<string?> PrepareAsync(IQueryEngine engine, BenchmarkOptions options, ClickHouseDataOptions layout, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var load in await new ClickHouseSuiteData(engine, layout).EnsureAsync(options.Suite, options.Scale, null, cancellationToken).ConfigureAwait(false))
            {
                if (load.Loaded)
                {
                    await error.WriteLineAsync($"dqe bench: {load.Verb} {load.Rows} {load.Table} rows").ConfigureAwait(false);
                }
            }

            return null;
        }
        catch (Exception e) when (e is QueryEngineException or HttpRequestException or BenchmarkException)
        {
            return $"setup: could not prepare the {options.Suite} tables: {(e is QueryEngineException q ? q.ToOneLine() : e.Message)}";
        }
    }

    private void Print(BenchmarkReport report)
    {
        output.WriteLine("query\tstatus\tconcurrency\tmedian_ms\tp95_ms\tstddev_ms\tqueries_per_hour\tverdict");
        foreach (var query in report.Queries)
        {
            if (query.Levels.Count == 0)
            {
                output.WriteLine($"{query.Id}\t{query.Status}\t\t\t\t\t\t{query.Error}");
            }

            foreach (var level in query.Levels)
            {
                var verdict = report.Comparison?.FirstOrDefault(c => c.QueryId == query.Id && c.Concurrency == level.Concurrency);
                output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{query.Id}\t{query.Status}\t{level.Concurrency}\t{level.Stats.MedianMs:0.###}\t{level.Stats.P95Ms:0.###}\t{level.Stats.StdDevMs:0.###}\t{level.QueriesPerHour:0}\t{verdict?.Verdict}"));
            }
        }

        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"geomean_median_ms\t{report.Summary.GeoMeanMedianMs:0.###}"));
    }

    internal static async Task<BenchmarkReport> LoadAsync(FileInfo file, CancellationToken cancellationToken) => file.Exists
        ? BenchmarkReportJson.Deserialize(await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false), file.Name)
        : throw new BenchmarkException($"{file.FullName}: no such report file.");

    private static async Task<List<BenchmarkReport>> HistoryAsync(DirectoryInfo directory, CancellationToken cancellationToken)
    {
        var reports = new List<BenchmarkReport>();
        foreach (var file in directory.EnumerateFiles("report.json", SearchOption.AllDirectories))
        {
            reports.Add(await LoadAsync(file, cancellationToken).ConfigureAwait(false));
        }

        return reports;
    }
}
