using System.Globalization;

namespace Dqe.Core.Chaos.Reports;

/// <summary>
/// Where chaos reports live in the reports bucket: <c>chaos/runs/yyyy/MM/dd/RUN.json|html</c> (dated by the
/// injection, else the report time) and <c>chaos/weekly/yyyy-MM-dd.json|html</c> (the week's first day).
/// </summary>
public static class ChaosReportKeys
{
    public const string RunsPrefix = "chaos/runs/";
    public const string WeeklyPrefix = "chaos/weekly/";

    public static string DayPrefix(DateTimeOffset day) => RunsPrefix + day.UtcDateTime.ToString("yyyy/MM/dd/", CultureInfo.InvariantCulture);

    public static string Run(DateTimeOffset day, string runId, string extension) => $"{DayPrefix(day)}{runId}.{extension}";

    public static string Weekly(DateTimeOffset weekStart, string extension) =>
        $"{WeeklyPrefix}{weekStart.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";
}
