namespace Dqe.Core.Benchmarks.Functions;

/// <summary>The reports bucket layout.</summary>
internal static class BenchKeys
{
    public static string QueryPart(string runId, string queryId) => $"runs/{runId}/queries/{queryId}.json";

    public static string QueryParts(string runId) => $"runs/{runId}/queries/";

    public static string Run(string runId) => $"runs/{runId}/report.json";

    /// <summary>Dated key of the published report: <c>reports/2026/11/25/RUNID/report.html</c>.</summary>
    public static string Dated(DateTimeOffset at, string runId, string file) => $"reports/{at.UtcDateTime:yyyy'/'MM'/'dd}/{runId}/{file}";

    /// <summary>The last good run of an engine/suite/scale: the default baseline.</summary>
    public static string Baseline(string engine, string suite, string scale) => $"baselines/{engine}/{suite}/{scale}/latest.json";
}
