using System.Text;
using Dqe.Core.Chaos.Handlers;
using static Dqe.Core.Chaos.Reports.ChaosReportHtml;

namespace Dqe.Core.Chaos.Reports;

/// <summary>The report's "performance under fault" table: per benchmark query the medians before and during the faults and the slowdown.</summary>
internal static class ChaosBenchmarkHtml
{
    public static void Table(StringBuilder html, ChaosRunReport report)
    {
        if (report.Benchmark is not { } rows)
        {
            return;
        }

        html.Append("<h2>Performance under fault</h2><p>")
            .Append(report.MeanSlowdown is { } mean ? F($"mean slowdown <strong class=\"slowdown\">{mean:0.##}×</strong>") : "no query was measured both before and during the faults: no slowdown penalty")
            .Append("</p><table class=\"benchmark\"><tr><th>query</th><th>engine</th><th>before (median ms)</th><th>during (median ms)</th><th>slowdown</th><th>note</th></tr>");
        foreach (var row in rows)
        {
            html.Append(F($"<tr><td>{E(row.Name)}</td><td>{E(row.Engine)}</td><td>{Ms(row.BeforeMs)}</td><td>{Ms(row.DuringMs)}</td>"))
                .Append(row.Slowdown is { } s ? F($"<td>{s:0.##}×</td>") : "<td>—</td>")
                .Append(F($"<td class=\"{(row.Error is null ? "" : "fail")}\">{E(row.Error ?? "")}</td></tr>"));
        }

        html.Append("</table>");
    }

    private static string Ms(double? ms) => ms is { } value ? F($"{value:0.#}") : "—";
}
