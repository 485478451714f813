using Dqe.Core.Benchmarks.Reports;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Telemetry;

namespace Dqe.Core.Benchmarks.Functions;

/// <summary>
/// bench.report: publishes report.json + report.html under a dated key and emits EMF metrics. With $.error
/// (the failure path) it writes a partial report from whatever parts exist and marks the run failed.
/// A succeeded run becomes the next baseline.
/// </summary>
internal sealed class BenchReportHandler(IReportStore store, TimeProvider time)
    : FunctionHandler<BenchState, BenchStepResult>(BenchJsonContext.Default.BenchState, BenchJsonContext.Default.BenchStepResult)
{
    public const string Name = "dqe.bench.report";
    private const int TrendRuns = 10;

    protected override async Task<BenchStepResult> HandleAsync(BenchState request, InvocationContext context, CancellationToken cancellationToken)
    {
        var runId = request.Run?.RunId ?? ReportBuilder.RunId(request.Engine, request.Input.Options(), time.GetUtcNow());
        var report = await LoadOrMergeAsync(request, runId, cancellationToken).ConfigureAwait(false);
        if (request.Error is { } error)
        {
            report = report with { Status = RunStatus.Failed, Failures = [.. report.Failures, $"workflow: {error.Error}: {error.Cause}"] };
        }

        var baselineKey = BenchKeys.Baseline(request.Engine, request.Suite, request.Scale);
        var baseline = report.BaselineRunId is null ? null : await TryLoadAsync(request.BaselineKey ?? baselineKey, cancellationToken).ConfigureAwait(false);
        var history = await HistoryAsync(request, cancellationToken).ConfigureAwait(false);
        var at = time.GetUtcNow();
        var json = BenchmarkReportJson.Serialize(report);
        var jsonKey = BenchKeys.Dated(at, runId, "report.json");
        var htmlKey = BenchKeys.Dated(at, runId, "report.html");
        await store.PutAsync(jsonKey, json, "application/json", cancellationToken).ConfigureAwait(false);
        await store.PutAsync(htmlKey, HtmlReport.Render(report, baseline, null, history), "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
        await store.PutAsync(BenchKeys.Run(runId), json, "application/json", cancellationToken).ConfigureAwait(false);
        if (report.Status == RunStatus.Succeeded)
        {
            await store.PutAsync(baselineKey, json, "application/json", cancellationToken).ConfigureAwait(false);
        }

        Emit(context.Metrics, report);
        return new BenchStepResult(runId, report.Status.ToString(), jsonKey, report.Summary.Regressions, htmlKey);
    }

    private static void Emit(IMetrics metrics, BenchmarkReport report)
    {
        metrics.SetDimension("Suite", $"{report.Engine}/{report.Suite}/{report.Scale}");
        metrics.Add("SuiteGeoMeanMs", report.Summary.GeoMeanMedianMs, MetricUnit.Milliseconds);
        metrics.Add("Regressions", report.Summary.Regressions, MetricUnit.Count);
        metrics.Add("FailedQueries", report.Summary.Failed, MetricUnit.Count);
        foreach (var query in report.Queries.Where(q => q.MedianMs is not null))
        {
            metrics.Add($"MedianMs_{query.Id}", query.MedianMs!.Value, MetricUnit.Milliseconds);
        }
    }

    private async Task<BenchmarkReport> LoadOrMergeAsync(BenchState request, string runId, CancellationToken cancellationToken) =>
        request.Error is null && await TryLoadAsync(BenchKeys.Run(runId), cancellationToken).ConfigureAwait(false) is { } stored
            ? stored
            : await BenchAggregation.MergeAsync(store, request, runId, time, [], cancellationToken).ConfigureAwait(false);

    private async Task<BenchmarkReport?> TryLoadAsync(string key, CancellationToken cancellationToken) =>
        await store.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } json ? BenchmarkReportJson.Deserialize(json, key) : null;

    private async Task<List<BenchmarkReport>> HistoryAsync(BenchState request, CancellationToken cancellationToken)
    {
        var keys = (await store.ListAsync("reports/", cancellationToken).ConfigureAwait(false))
            .Where(k => k.EndsWith("/report.json", StringComparison.Ordinal) && k.Contains($"-{request.Engine}-{request.Suite}-{request.Scale}/", StringComparison.Ordinal))
            .TakeLast(TrendRuns);
        var reports = new List<BenchmarkReport>();
        foreach (var key in keys)
        {
            if (await TryLoadAsync(key, cancellationToken).ConfigureAwait(false) is { } report)
            {
                reports.Add(report);
            }
        }

        return reports;
    }
}
