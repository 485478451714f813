using System.Globalization;
using System.Net;
using System.Text;

namespace Dqe.Core.Benchmarks.Reports;

/// <summary>
/// The self-contained report.html: run header, failures, latency distribution, baseline vs candidate,
/// engine vs engine on shared query ids, suite trend over previous runs, and the per-query table.
/// </summary>
public static class HtmlReport
{
    public static string Render(BenchmarkReport report, BenchmarkReport? baseline = null, BenchmarkReport? otherEngine = null, IReadOnlyList<BenchmarkReport>? history = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"Dqe benchmark {report.RunId}"))
            .Append("</title><style>body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
            .Append("td:first-child,th:first-child{text-align:left}.Failed,.WrongResult,.TimedOut,.Cancelled,.Slower{color:#b00;font-weight:bold}.Faster{color:#070;font-weight:bold}")
            .Append(".status-Failed{background:#fdd;padding:8px}.status-Succeeded{background:#dfd;padding:8px}svg{display:block;margin:16px 0}</style></head><body>");
        var version = report.ServerVersion ?? "unknown";
        html.Append(F($"<h1>{E(report.Engine)} / {E(report.Suite)} / {E(report.Scale)}</h1>"));
        html.Append(F($"<p class=\"status-{report.Status}\">Run <code>{E(report.RunId)}</code>: <strong>{report.Status}</strong> — server {E(version)}, "))
            .Append(F($"{report.Summary.Succeeded}/{report.Summary.Queries} queries ok, {report.Summary.Failed} failed, {report.Summary.Skipped} skipped; "))
            .Append(F($"suite geomean of medians {report.Summary.GeoMeanMedianMs:0.###} ms; {report.Settings.Warmups} warmup(s), {report.Settings.Iterations} iteration(s), concurrency {string.Join(',', report.Settings.Concurrency)}.</p>"));
        if (report.Failures.Count > 0)
        {
            html.Append("<h2>Failures</h2><ul class=\"failures\">");
            foreach (var failure in report.Failures)
            {
                html.Append(F($"<li>{E(failure)}</li>"));
            }

            html.Append("</ul>");
        }

        var measured = report.Queries.Where(q => q.Levels.Count > 0).ToList();
        html.Append("<h2>Latency distribution</h2>")
            .Append(SvgCharts.Distribution("Per-query latency (lowest concurrency): whisker min–max, box IQR, red = median", [.. measured.Select(q => (q.Id, q.Levels[0].SamplesMs))]));
        if (baseline is not null)
        {
            html.Append("<h2>Baseline vs candidate</h2>").Append(Versus("Median latency", baseline, report, $"baseline {baseline.RunId}", "candidate"));
        }

        if (otherEngine is not null)
        {
            html.Append("<h2>Engine vs engine</h2>").Append(Versus("Median latency on shared query ids", report, otherEngine, report.Engine, otherEngine.Engine));
        }

        if (history is { Count: > 0 })
        {
            var runs = history.Append(report).DistinctBy(r => r.RunId).OrderBy(r => r.StartedAt).ToList();
            html.Append("<h2>Trend</h2>").Append(SvgCharts.Line(F($"Suite geomean of medians over the last {runs.Count} runs"), [.. runs.Select(r => (r.RunId, r.Summary.GeoMeanMedianMs))], "ms"));
        }

        html.Append("<h2>Throughput</h2><table class=\"throughput\"><tr><th>concurrency</th><th>executions</th><th>queries/hour</th></tr>");
        foreach (var level in report.Summary.Throughput)
        {
            html.Append(F($"<tr><td>{level.Concurrency}</td><td>{level.Executions}</td><td>{level.QueriesPerHour:0}</td></tr>"));
        }

        html.Append("</table>");
        QueryTable(html, report);
        return html.Append("</body></html>").ToString();
    }

    private static string Versus(string title, BenchmarkReport left, BenchmarkReport right, string leftName, string rightName)
    {
        var ids = left.Queries.Select(q => q.Id).Intersect(right.Queries.Select(q => q.Id)).ToList();
        return ids.Count == 0
            ? "<p>No shared query ids.</p>"
            : SvgCharts.GroupedBars(title, ids, [(leftName, Medians(left, ids)), (rightName, Medians(right, ids))], "ms");
    }

    private static List<double?> Medians(BenchmarkReport report, List<string> ids) =>
        [.. ids.Select(id => report.Queries.First(q => q.Id == id).MedianMs)];

    private static void QueryTable(StringBuilder html, BenchmarkReport report)
    {
        html.Append("<h2>Queries</h2><table class=\"queries\"><tr><th>query</th><th>status</th><th>rows</th><th>c</th><th>n</th><th>min</th><th>median</th><th>mean</th><th>p95</th><th>p99</th><th>stddev</th><th>95% CI</th><th>q/h</th><th>verdict</th></tr>");
        foreach (var query in report.Queries)
        {
            var verdicts = report.Comparison?.Where(c => c.QueryId == query.Id).ToList() ?? [];
            if (query.Levels.Count == 0)
            {
                html.Append(F($"<tr><td>{E(query.Id)}</td><td class=\"{query.Status}\">{query.Status}</td><td>{query.Rows}</td><td colspan=\"11\">{E(query.Error ?? string.Empty)}</td></tr>"));
                continue;
            }

            foreach (var level in query.Levels)
            {
                var s = level.Stats;
                var verdict = verdicts.FirstOrDefault(v => v.Concurrency == level.Concurrency);
                html.Append(F($"<tr><td>{E(query.Id)}</td><td class=\"{query.Status}\" title=\"{E(query.Error ?? string.Empty)}\">{query.Status}</td><td>{query.Rows}</td><td>{level.Concurrency}</td><td>{s.Count}</td>"))
                    .Append(F($"<td>{s.MinMs:0.###}</td><td>{s.MedianMs:0.###}</td><td>{s.MeanMs:0.###}</td><td>{s.P95Ms:0.###}</td><td>{s.P99Ms:0.###}</td><td>{s.StdDevMs:0.###}</td>"))
                    .Append(F($"<td>{s.CiLowMs:0.###}–{s.CiHighMs:0.###}</td><td>{level.QueriesPerHour:0}</td>"))
                    .Append(verdict is null ? "<td></td>" : F($"<td class=\"{verdict.Verdict}\" title=\"{E(verdict.Reason)}\">{verdict.Verdict}</td>"))
                    .Append("</tr>");
            }
        }

        html.Append("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
