namespace Dqe.Core.Benchmarks;

/// <summary>
/// The report document (benchmarks/report.schema.json, version <see cref="CurrentSchemaVersion"/>).
/// Written as report.json next to report.html, and to the reports bucket under a dated key.
/// </summary>
public sealed record BenchmarkReport(
    string SchemaVersion,
    string RunId,
    string Engine,
    string Suite,
    string Scale,
    string? ServerVersion,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    RunStatus Status,
    ReportSettings Settings,
    IReadOnlyList<QueryReport> Queries,
    SuiteSummary Summary,
    IReadOnlyList<string> Failures,
    string? BaselineRunId = null,
    IReadOnlyList<QueryComparison>? Comparison = null)
{
    public const string CurrentSchemaVersion = "1.0";
}
