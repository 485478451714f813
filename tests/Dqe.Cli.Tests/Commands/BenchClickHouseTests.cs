using System.Text.Json.Nodes;
using Dqe.Cli.Tests.TestHelpers;
using Dqe.Core.Benchmarks;

namespace Dqe.Cli.Tests.Commands;

/// <summary>End to end against a real local clickhouse-server: generate hits, run ClickBench queries, compare runs.</summary>
public class BenchClickHouseTests(ClickHouseServerFixture clickhouse) : IClassFixture<ClickHouseServerFixture>
{
    [Fact]
    public async Task BenchRun_ClickBenchOnLocalServer_WritesReportsAndComparesWithBaseline()
    {
        var root = Directory.CreateTempSubdirectory("dqe-bench-").FullName;
        string[] Args(string dir, params string[] extra) =>
        [
            "bench", "run", "--engine", "clickhouse", "--server", clickhouse.Uri.ToString(), "--suite", "clickbench",
            "--scale", "10k", "--queries", "q00,q07,q12,q38", "--warmups", "1", "--iterations", "3", "--out", Path.Combine(root, dir), .. extra,
        ];

        var first = await CliRunner.RunAsync(Args("first"));
        var second = await CliRunner.RunAsync(Args("second", "--baseline", Path.Combine(root, "first", "report.json")));

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("generated 10000 hits rows", first.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("generated", second.Stderr, StringComparison.Ordinal); // same scale: table reused
        Assert.Contains("] 16/16 q38", first.Stderr, StringComparison.Ordinal);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "first", "report.json")))!;
        Assert.Equal("Succeeded", (string?)report["status"]);
        Assert.Equal("18.16.1", ((string?)report["serverVersion"])?[..7]);
        var queries = report["queries"]!.AsArray();
        Assert.Equal(["q00", "q07", "q12", "q38"], queries.Select(q => (string?)q!["id"]));
        Assert.All(queries, q => Assert.Equal("Ok", (string?)q!["status"]));
        Assert.Equal([1L, 5, 10, 0], queries.Select(q => (long)q!["rows"]!));
        Assert.All(queries, q => Assert.Equal(3, q!["levels"]![0]!["samplesMs"]!.AsArray().Count));
        Assert.Contains("chart-distribution", await File.ReadAllTextAsync(Path.Combine(root, "first", "report.html")), StringComparison.Ordinal);

        // Three samples a side can never be significant (best exact p = 0.1): no faster/slower verdict, exit 0.
        Assert.True(second.ExitCode == 0, second.Stderr + second.Stdout);
        var compared = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "second", "report.json")))!;
        var verdicts = compared["comparison"]!.AsArray().Select(c => (string?)c!["verdict"]).ToList();
        Assert.Equal(4, verdicts.Count);
        Assert.All(verdicts, v => Assert.Contains(v, new[] { "Unchanged", "Inconclusive" }));
        Assert.Contains("chart-bars", await File.ReadAllTextAsync(Path.Combine(root, "second", "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchRun_UnknownQueryId_ExitsTwoNamingIdWithoutRunning()
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory("dqe-bench-").FullName, "out");

        var result = await CliRunner.RunAsync("bench", "run", "--engine", "clickhouse", "--server", clickhouse.Uri.ToString(), "--suite", "clickbench", "--queries", "q00,q99", "--out", dir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("q99", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task BenchRun_TpchGeneratedTiny_AllQueriesOkWithCheckedRowCountsThenTablesReused()
    {
        var root = Directory.CreateTempSubdirectory("dqe-bench-").FullName;
        string[] Args(string dir, string queries) =>
        [
            "bench", "run", "--engine", "clickhouse", "--server", clickhouse.Uri.ToString(), "--suite", "tpch", "--scale", "gen_tiny",
            "--queries", queries, "--warmups", "0", "--iterations", "1", "--out", Path.Combine(root, dir),
        ];
        var suite = QueryCatalog.Embedded.Resolve("clickhouse", "tpch");

        var first = await CliRunner.RunAsync(Args("first", string.Join(',', suite.Select(q => q.Id))));
        var second = await CliRunner.RunAsync(Args("second", "q01,q18"));

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("generated 59943 lineitem rows", first.Stderr, StringComparison.Ordinal);
        Assert.Contains("generated 25 nation rows", first.Stderr, StringComparison.Ordinal);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "first", "report.json")))!;
        Assert.Equal("Succeeded", (string?)report["status"]);
        var queries = report["queries"]!.AsArray();
        Assert.Equal(22, queries.Count);
        Assert.All(queries, q => Assert.Equal("Ok", (string?)q!["status"]));
        // Every query has a verified count on the generated data, and the report shows it was checked.
        Assert.All(suite, q => Assert.NotNull(q.ExpectedRowsAt("gen_tiny")));
        Assert.Equal(suite.Select(q => q.ExpectedRowsAt("gen_tiny")), queries.Select(q => (long?)q!["expectedRows"]));
        Assert.Equal(suite.Select(q => q.ExpectedRowsAt("gen_tiny")), queries.Select(q => (long?)q!["rows"]));
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.DoesNotContain("generated", second.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sf1", "give the lake bucket and region")]
    [InlineData("gen_huge", "gen_tiny or gen_sfN")]
    public async Task BenchRun_TpchScaleWithoutData_ExitsTwoWithoutRunning(string scale, string message)
    {
        var dir = Path.Combine(Directory.CreateTempSubdirectory("dqe-bench-").FullName, "out");

        var result = await CliRunner.RunAsync("bench", "run", "--engine", "clickhouse", "--server", clickhouse.Uri.ToString(), "--suite", "tpch", "--scale", scale, "--out", dir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task BenchRun_DatabaseThatDoesNotExist_SetupFailsNamingIt()
    {
        var dir = Directory.CreateTempSubdirectory("dqe-bench-").FullName;

        var result = await CliRunner.RunAsync("bench", "run", "--engine", "clickhouse", "--server", clickhouse.Uri.ToString(), "--suite", "tpch",
            "--scale", "gen_tiny", "--queries", "q06", "--database", "bench_missing", "--out", dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("setup: could not prepare the tpch tables", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("bench_missing", result.Stderr, StringComparison.Ordinal);
    }
}
