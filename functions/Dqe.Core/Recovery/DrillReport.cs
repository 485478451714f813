using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Dqe.Core.Recovery;

/// <summary>A drill as JSON (the record) and as a self-contained HTML timeline, under <c>dr-drills/RUNID/</c>.</summary>
public static class DrillReport
{
    private const string Style = "<style>body{font-family:sans-serif;margin:2em}td,th{padding:2px 8px;text-align:left}.PASS{color:green}.FAIL{color:#b00}</style>";

    /// <summary>Where every drill's folder lives in the reports bucket.</summary>
    public const string Prefix = "dr-drills/";

    public static string Folder(DrillRecord record) => $"{Prefix}{DrillIds.Require(record?.RunId!)}/";

    public static async Task WriteAsync(DrillRecord record, IReportSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        await sink.WriteAsync(Folder(record) + "report.json", JsonSerializer.SerializeToUtf8Bytes(record, RecoveryJsonContext.Default.DrillRecord), "application/json", cancellationToken).ConfigureAwait(false);
        await sink.WriteAsync(Folder(record) + "report.html", Encoding.UTF8.GetBytes(Html(record)), "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
    }

    public static string Html(DrillRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var html = new StringBuilder();
        var result = record.Result;
        var verdict = record.DryRun ? "DRY RUN" : result?.Passed == true && record.FailBackVerified == true ? "PASS" : "FAIL";
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>DR drill {E(record.RunId)}</title>
            {Style}</head><body>
            <h1>DR drill {E(DrScenarios.NameOf(record.Scenario))} <span class="{verdict.Replace(' ', '-')}">{verdict}</span></h1>
            <p>Run <code>{E(record.RunId)}</code> started {record.StartedAt:u}.</p>
            <table><tr><th></th><th>Measured</th><th>Objective</th><th>Met</th></tr>
            <tr><td>RTO</td><td>{Seconds(result?.RtoSeconds)}</td><td>{Seconds(result?.Objective.RtoSeconds)}</td><td>{result?.RtoMet}</td></tr>
            <tr><td>RPO</td><td>{Seconds(result?.RpoSeconds)}</td><td>{Seconds(result?.Objective.RpoSeconds)}</td><td>{result?.RpoMet}</td></tr></table>
            <p>Fail-back verified: {record.FailBackVerified?.ToString() ?? "not run"}{(record.Error.Length > 0 ? $"; error: {E(record.Error)}" : "")}</p>
            <h2>Timeline</h2><table><tr><th>At (UTC)</th><th>+s</th><th>Step</th><th>Detail</th></tr>
            """);
        foreach (var e in record.Events)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{e.At:HH:mm:ss}</td><td>{(e.At - record.StartedAt).TotalSeconds:0}</td><td>{E(e.Kind)}</td><td>{E(e.Detail)}</td></tr>\n");
        }

        if (record.Restore is { } restore)
        {
            html.Append(Restored(restore));
        }

        foreach (var problem in result?.Problems ?? [])
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"FAIL\">{E(problem)}</p>\n");
        }

        return html.Append("</table></body></html>\n").ToString();
    }

    private static string Restored(Restore.RegionRestoreState restore)
    {
        var verification = restore.Verification is { } v ? $"{(v.Passed ? "PASS" : "FAIL")} ({v.Tables.Count} tables)" : "not run";
        var newest = restore.NewestDataAt is { } n ? n.ToString("u", CultureInfo.InvariantCulture) : "-";
        return string.Create(CultureInfo.InvariantCulture,
            $"</table><h2>Restore</h2><p>Backup <code>{E(restore.BackupId)}</code> ({restore.Kind}, taken {restore.BackupStartedAt:u}) from {E(restore.Location)}; "
            + $"restore {restore.Progress?.State.ToString() ?? "not started"}; verification {verification}; newest data {newest}; "
            + $"Glue tables {restore.CatalogTables}; topics: {E(string.Join(", ", restore.Topics ?? []))}.</p><table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Seconds(double? seconds) => seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0.#} s") : "-";
}
