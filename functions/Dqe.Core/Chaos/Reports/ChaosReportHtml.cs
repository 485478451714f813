using System.Globalization;
using System.Net;
using System.Text;
using Dqe.Core.Chaos.Probes;

namespace Dqe.Core.Chaos.Reports;

/// <summary>
/// The self-contained HTML report of a run: outcome and score (with its deductions), an SVG timeline (fault
/// window shaded, abort, recovery and benchmark passes marked, one row of pass/fail dots per probe), the
/// per-query degradation under fault when the campaign has a benchmark, the probe values and the
/// event log. No script, no external resources.
/// </summary>
public static class ChaosReportHtml
{
    private const int Width = 900;
    private const int Left = 150;
    private const int Row = 22;

    public static string Render(ChaosRunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        Page(html, $"Dqe chaos run {report.RunId}");
        var status = report.Error is null ? "passed" : "failed";
        html.Append(F($"<h1>Chaos run {E(report.RunId)}</h1><p class=\"status-{status}\">Campaign <code>{E(report.Campaign)}</code>: <strong>{E(report.Outcome)}</strong>; "))
            .Append(F($"resilience score <strong class=\"score\">{(report.Score is { } s ? s.ToString(CultureInfo.InvariantCulture) : "none (nothing injected)")}</strong>; "))
            .Append(report.Clean ? "cluster clean after rollback." : "<strong>objects were left in the cluster</strong>.").Append("</p>");
        if (report.Description is { } description)
        {
            html.Append(F($"<p>{E(description)}</p>"));
        }

        html.Append("<ul class=\"facts\">")
            .Append(F($"<li>fault start: {Time(report.InjectedAt)}</li><li>fault stop: {Time(report.FaultsEndAt)}</li>"))
            .Append(report.AbortedAt is { } abort ? F($"<li class=\"bad\">aborted: {Time(abort)}</li>") : "")
            .Append(F($"<li class=\"{(report.Recovered == false ? "bad" : "")}\">recovery: {RecoveryText(report)}</li>"))
            .Append("</ul>");
        if (report.Deductions.Count > 0)
        {
            html.Append("<h2>Score deductions</h2><ul class=\"deductions\">");
            foreach (var d in report.Deductions)
            {
                html.Append(F($"<li>−{d.Points}: {E(d.Reason)}</li>"));
            }

            html.Append("</ul>");
        }

        html.Append("<h2>Timeline</h2>").Append(Timeline(report));
        ChaosBenchmarkHtml.Table(html, report);
        ProbeTable(html, report.Polls);
        html.Append("<h2>Events</h2><table class=\"events\"><tr><th>time</th><th>event</th><th>detail</th></tr>");
        foreach (var entry in report.Timeline)
        {
            html.Append(F($"<tr><td>{Time(entry.At)}</td><td>{E(entry.Kind)}</td><td>{E(entry.Detail)}</td></tr>"));
        }

        return html.Append("</table></body></html>").ToString();
    }

    /// <summary>The document head shared with the weekly summary.</summary>
    internal static void Page(StringBuilder html, string title) =>
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title))
            .Append("</title><style>body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px}")
            .Append(".status-failed{background:#fdd;padding:8px}.status-passed{background:#dfd;padding:8px}.bad,.fail{color:#b00;font-weight:bold}svg{display:block;margin:16px 0}</style></head><body>");

    internal static string E(string text) => WebUtility.HtmlEncode(text);

    internal static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "—";

    private static string RecoveryText(ChaosRunReport report) => report.Recovered switch
    {
        true => F($"steady state back at {Time(report.RecoveredAt)}"),
        false => F($"steady state NOT back within {E(report.RecoveryTimeout)}"),
        null => "not verified",
    };

    private static string Timeline(ChaosRunReport report)
    {
        var times = report.Timeline.Select(t => t.At).Concat(report.Polls.Select(p => p.At)).ToList();
        if (times.Count == 0)
        {
            return "<p>No events.</p>";
        }

        var (start, end) = (times.Min(), times.Max());
        var span = Math.Max(1, (end - start).TotalSeconds);
        double X(DateTimeOffset at) => Left + ((at - start).TotalSeconds / span * (Width - Left - 20));
        var probes = report.Polls.SelectMany(p => p.Readings.Select(r => r.Probe)).Distinct().ToList();
        var height = 40 + (Row * Math.Max(1, probes.Count));
        var svg = new StringBuilder(F($"<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"run timeline\">"));
        if (report.InjectedAt is { } injected)
        {
            var stop = report.AbortedAt ?? report.FaultsEndAt ?? end;
            svg.Append(F($"<rect class=\"fault\" x=\"{X(injected):0.#}\" y=\"0\" width=\"{Math.Max(2, X(stop) - X(injected)):0.#}\" height=\"{height - 20}\" fill=\"#fbe3c0\"><title>fault {Time(injected)} – {Time(stop)}</title></rect>"));
        }

        Marker(svg, report.AbortedAt, "abort", "#b00", X, height);
        Marker(svg, report.RecoveredAt, "recovered", "#070", X, height);
        foreach (var pass in report.Timeline.Where(t => t.Kind == "benchmark"))
        {
            Marker(svg, pass.At, "benchmark", "#36c", X, height);
        }
        for (var i = 0; i < probes.Count; i++)
        {
            var y = 20 + (i * Row);
            svg.Append(F($"<text x=\"4\" y=\"{y + 4}\" font-size=\"12\">{E(probes[i])}</text>"));
            foreach (var poll in report.Polls)
            {
                if (poll.Readings.FirstOrDefault(r => r.Probe == probes[i]) is { } r)
                {
                    svg.Append(F($"<circle class=\"{(r.Passed ? "pass" : "fail")}\" cx=\"{X(poll.At):0.#}\" cy=\"{y}\" r=\"5\" fill=\"{(r.Passed ? "#2a2" : "#d22")}\"><title>{E(probes[i])} {poll.Phase} {Time(poll.At)}: {ProbeBounds.Format(r.Value)}{(r.Error is null ? "" : " — " + E(r.Error))}</title></circle>"));
                }
            }
        }

        svg.Append(F($"<text x=\"{Left}\" y=\"{height - 4}\" font-size=\"11\">{Time(start)}</text><text x=\"{Width - 160}\" y=\"{height - 4}\" font-size=\"11\">{Time(end)}</text>"));
        return svg.Append("</svg>").ToString();
    }

    private static void Marker(StringBuilder svg, DateTimeOffset? at, string label, string color, Func<DateTimeOffset, double> x, int height)
    {
        if (at is { } value)
        {
            svg.Append(F($"<line class=\"{label}\" x1=\"{x(value):0.#}\" x2=\"{x(value):0.#}\" y1=\"0\" y2=\"{height - 20}\" stroke=\"{color}\" stroke-width=\"2\"><title>{label} {Time(value)}</title></line>"));
        }
    }

    private static void ProbeTable(StringBuilder html, IReadOnlyList<ProbePoll> polls)
    {
        var probes = polls.SelectMany(p => p.Readings.Select(r => r.Probe)).Distinct().ToList();
        html.Append("<h2>Probe values</h2><table class=\"probes\"><tr><th>time</th><th>phase</th>");
        foreach (var probe in probes)
        {
            html.Append(F($"<th>{E(probe)}</th>"));
        }

        html.Append("</tr>");
        foreach (var poll in polls)
        {
            html.Append(F($"<tr><td>{Time(poll.At)}</td><td>{E(poll.Phase)}</td>"));
            foreach (var probe in probes)
            {
                var r = poll.Readings.FirstOrDefault(x => x.Probe == probe);
                html.Append(r is null ? "<td></td>" : F($"<td class=\"{(r.Passed ? "pass" : "fail")}\" title=\"{E(r.Error ?? "")}\">{ProbeBounds.Format(r.Value)}</td>"));
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }
}
