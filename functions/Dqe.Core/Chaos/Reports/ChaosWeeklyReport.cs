using System.Text;
using System.Text.Json;
using Dqe.Core.Benchmarks.Functions;

namespace Dqe.Core.Chaos.Reports;

/// <summary>
/// Builds the weekly summary from the run reports of the 7 UTC days ending at a given time (read from the
/// reports bucket, one prefix per day) and writes it as JSON and HTML under <see cref="ChaosReportKeys.WeeklyPrefix"/>.
/// A report that does not parse is listed as unreadable, never silently dropped.
/// </summary>
internal static class ChaosWeeklyReport
{
    public static async Task<ChaosWeeklySummary> BuildAsync(IReportStore store, DateTimeOffset weekEnd, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(weekEnd.UtcDateTime.Date, TimeSpan.Zero).AddDays(-6);
        var runs = new List<ChaosWeeklyRun>();
        var unreadable = new List<string>();
        for (var day = start; day <= weekEnd; day = day.AddDays(1))
        {
            foreach (var key in (await store.ListAsync(ChaosReportKeys.DayPrefix(day), cancellationToken).ConfigureAwait(false)).Where(k => k.EndsWith(".json", StringComparison.Ordinal)))
            {
                var text = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
                if (Parse(text) is { } r)
                {
                    runs.Add(new ChaosWeeklyRun(r.RunId, r.Campaign, r.ReportedAt, r.Outcome, r.Score, r.AbortedAt is not null, r.Recovered, r.Clean, key));
                }
                else
                {
                    unreadable.Add(key);
                }
            }
        }

        var campaigns = runs.GroupBy(r => r.Campaign, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var scores = g.Where(r => r.Score is not null).Select(r => r.Score!.Value).ToList();
            return new ChaosWeeklyCampaign(g.Key, g.Count(), g.Count(r => r.Outcome != "completed"), g.Count(r => r.Aborted), g.Count(r => r.Recovered == false),
                g.Count(r => !r.Clean), scores.Count == 0 ? null : scores.Average(), scores.Count == 0 ? null : scores.Min());
        }).ToList();
        return new ChaosWeeklySummary(start, weekEnd, [.. runs.OrderBy(r => r.ReportedAt)], campaigns, unreadable);
    }

    /// <summary>Writes the summary; returns the JSON key.</summary>
    public static async Task<string> WriteAsync(IReportStore store, ChaosWeeklySummary summary, CancellationToken cancellationToken)
    {
        var key = ChaosReportKeys.Weekly(summary.WeekStart, "json");
        await store.PutAsync(key, JsonSerializer.Serialize(summary, ChaosReportsJsonContext.Default.ChaosWeeklySummary), "application/json", cancellationToken).ConfigureAwait(false);
        await store.PutAsync(ChaosReportKeys.Weekly(summary.WeekStart, "html"), Html(summary), "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
        return key;
    }

    public static string Html(ChaosWeeklySummary summary)
    {
        var html = new StringBuilder();
        ChaosReportHtml.Page(html, $"Dqe chaos week of {ChaosReportHtml.Time(summary.WeekStart)}");
        html.Append(ChaosReportHtml.F($"<h1>Chaos campaigns, {ChaosReportHtml.Time(summary.WeekStart)} – {ChaosReportHtml.Time(summary.WeekEnd)}</h1><p>{summary.Runs.Count} run(s) of {summary.Campaigns.Count} campaign(s).</p>"));
        html.Append("<table class=\"campaigns\"><tr><th>campaign</th><th>runs</th><th>failed</th><th>aborted</th><th>not recovered</th><th>leftovers</th><th>mean score</th><th>worst score</th></tr>");
        foreach (var c in summary.Campaigns)
        {
            html.Append(ChaosReportHtml.F($"<tr><td>{ChaosReportHtml.E(c.Campaign)}</td><td>{c.Runs}</td><td>{c.Failed}</td><td>{c.Aborted}</td><td>{c.NotRecovered}</td><td>{c.Leftovers}</td><td>{(c.MeanScore is { } m ? m.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : "—")}</td><td>{c.WorstScore?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}</td></tr>"));
        }

        html.Append("</table><h2>Runs</h2><table class=\"runs\"><tr><th>reported</th><th>run</th><th>outcome</th><th>score</th><th>report</th></tr>");
        foreach (var r in summary.Runs)
        {
            html.Append(ChaosReportHtml.F($"<tr><td>{ChaosReportHtml.Time(r.ReportedAt)}</td><td>{ChaosReportHtml.E(r.RunId)}</td><td>{ChaosReportHtml.E(r.Outcome)}</td><td>{r.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—"}</td><td><code>{ChaosReportHtml.E(r.Key)}</code></td></tr>"));
        }

        html.Append("</table>");
        foreach (var key in summary.Unreadable)
        {
            html.Append(ChaosReportHtml.F($"<p class=\"bad\">unreadable report: <code>{ChaosReportHtml.E(key)}</code></p>"));
        }

        return html.Append("</body></html>").ToString();
    }

    private static ChaosRunReport? Parse(string? text)
    {
        try
        {
            return text is null ? null : JsonSerializer.Deserialize(text, ChaosReportsJsonContext.Default.ChaosRunReport);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
