using System.Text.Json;
using Dqe.Core.Benchmarks;
using Dqe.Core.Benchmarks.Reports;
using Dqe.Core.Tests.TestHelpers;
using Json.Schema;

namespace Dqe.Core.Tests.Benchmarks;

public class BenchmarkReportTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "assets", "benchmarks", "report.schema.json"));

    [Fact]
    public void Serialize_ReportWithFailuresAndComparison_ValidAgainstSchema()
    {
        var baseline = SampleReports.Create();
        var candidate = new BenchmarkComparer(new RegressionOptions()).Compare(baseline, SampleReports.Create(factor: 2, failed: true));

        var json = BenchmarkReportJson.Serialize(candidate);

        var result = Schema.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", result.Details?.Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
        Assert.Contains("\"status\": \"WrongResult\"", json, StringComparison.Ordinal);
        Assert.Contains("\"verdict\": \"Slower\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_ReportMissingSummary_Invalid()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(BenchmarkReportJson.Serialize(SampleReports.Create()))!.AsObject();
        node.Remove("summary");

        Assert.False(Schema.Evaluate(JsonDocument.Parse(node.ToJsonString()).RootElement).IsValid);
    }

    [Fact]
    public void Deserialize_RoundTrip_KeepsSamplesAndStatuses()
    {
        var report = SampleReports.Create(failed: true);

        var back = BenchmarkReportJson.Deserialize(BenchmarkReportJson.Serialize(report), "report.json");

        Assert.Equal(report.Queries[1].Levels[0].SamplesMs, back.Queries[1].Levels[0].SamplesMs);
        Assert.Equal(QueryStatus.WrongResult, back.Queries[2].Status);
        Assert.Equal(report.Summary.GeoMeanMedianMs, back.Summary.GeoMeanMedianMs, 9);
        Assert.Equal(RunStatus.Failed, back.Status);
    }

    [Theory]
    [InlineData("{\"schemaVersion\":\"2.0\"}", "schemaVersion")]
    [InlineData("not json", "not a benchmark report")]
    [InlineData("{\"schemaVersion\":\"1.0\"}", "required")]
    public void Deserialize_BadDocument_ErrorNamesSource(string json, string expected)
    {
        var error = Assert.Throws<BenchmarkException>(() => BenchmarkReportJson.Deserialize(json, "base.json"));

        Assert.StartsWith("base.json:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SlowerCandidate_CountsRegressions()
    {
        var compared = new BenchmarkComparer(new RegressionOptions()).Compare(SampleReports.Create(), SampleReports.Create(factor: 1.5));

        Assert.Equal(2, compared.Summary.Regressions);
        Assert.All(compared.Comparison!, c => Assert.Equal(Verdict.Slower, c.Verdict));
        Assert.Equal("20261125T030000Z-clickhouse-clickbench-10k", compared.BaselineRunId);
    }

    [Fact]
    public void Html_AllCharts_RenderedInlineWithoutExternalAssets()
    {
        var baseline = SampleReports.Create();
        var candidate = new BenchmarkComparer(new RegressionOptions()).Compare(baseline, SampleReports.Create(factor: 1.5, runId: "20261126T030000Z-x", failed: true));
        var trino = SampleReports.Create(engine: "trino", factor: 3);

        var html = HtmlReport.Render(candidate, baseline, trino, [baseline]);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"chart-distribution\"", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "class=\"chart-bars\"")); // baseline vs candidate, engine vs engine
        Assert.Contains("class=\"chart-trend\"", html, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(html, "class=\"point\""));
        Assert.Equal(10, CountOf(html, "<circle cx=")); // every sample of q01 and q02 as a dot
        Assert.Contains("q03: WrongResult: expected 10 rows", html, StringComparison.Ordinal);
        Assert.Contains("class=\"Slower\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_HostileQueryError_Escaped()
    {
        var report = SampleReports.Create(failed: true) with { Failures = ["q03: <script>alert(1)</script>"] };

        var html = HtmlReport.Render(report);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
