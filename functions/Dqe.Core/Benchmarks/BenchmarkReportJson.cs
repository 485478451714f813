using System.Text.Json;

namespace Dqe.Core.Benchmarks;

/// <summary>Reads and writes report.json (source-generated, AOT-safe); refuses other schema major versions.</summary>
public static class BenchmarkReportJson
{
    public static string Serialize(BenchmarkReport report) => JsonSerializer.Serialize(report, BenchmarkJsonContext.Default.BenchmarkReport);

    /// <summary>Parses a report; <paramref name="source"/> (file name or S3 key) prefixes every error.</summary>
    public static BenchmarkReport Deserialize(string json, string source)
    {
        BenchmarkReport? report;
        try
        {
            report = JsonSerializer.Deserialize(json, BenchmarkJsonContext.Default.BenchmarkReport);
        }
        catch (JsonException e)
        {
            throw new BenchmarkException($"{source}: not a benchmark report ({e.Message})", e);
        }

        if (report?.SchemaVersion is not { } version || !version.StartsWith("1.", StringComparison.Ordinal))
        {
            throw new BenchmarkException($"{source}: schemaVersion must be 1.x, got '{report?.SchemaVersion}'.");
        }

        return report.Queries is null || report.Settings is null || report.Summary is null
            ? throw new BenchmarkException($"{source}: queries, settings and summary are required.")
            : report;
    }
}
