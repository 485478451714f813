using System.Net;
using System.Text.Json.Nodes;
using Dqe.Cli.Tests.TestHelpers;
using Dqe.Core.Benchmarks;
using Dqe.TestServers;
using Dqe.TestServers.Hosting;

namespace Dqe.Cli.Tests.Commands;

/// <summary>`dqe bench run` against the Trino replay server (real protocol, scripted answers) and bad input.</summary>
public class BenchTrinoTests
{
    private static string Sql(string id) => QueryCatalog.Embedded.Resolve("trino", "tpch", [id])[0].Sql;

    private static TrinoScript Rows(int count) => new([TrinoScriptStep.Json(
        $"{{\"columns\":[{{\"name\":\"x\",\"type\":\"bigint\"}}],\"data\":[{string.Join(',', Enumerable.Range(0, count).Select(i => $"[{i}]"))}],\"stats\":{{\"state\":\"FINISHED\",\"elapsedTimeMillis\":7,\"cpuTimeMillis\":3,\"processedRows\":60175,\"processedBytes\":1000}}}}",
        last: true)]);

    private static async Task<TrinoReplayServer> StartAsync(int q06Rows)
    {
        var server = await TrinoReplayServer.StartAsync();
        server.Script("SELECT version()", new TrinoScript([TrinoScriptStep.Json(
            "{\"columns\":[{\"name\":\"_col0\",\"type\":\"varchar\"}],\"data\":[[\"435\"]],\"stats\":{\"state\":\"FINISHED\"}}", last: true)]));
        server.Script(Sql("q01"), Rows(4));
        server.Script(Sql("q06"), Rows(q06Rows));
        return server;
    }

    [Fact]
    public async Task BenchRun_TrinoReplay_MeasuresAndSendsCatalogAndScale()
    {
        await using var server = await StartAsync(q06Rows: 1);
        var dir = Directory.CreateTempSubdirectory("dqe-bench-").FullName;

        var result = await CliRunner.RunAsync("bench", "run", "--engine", "trino", "--server", server.BaseUri.ToString(), "--suite", "tpch",
            "--queries", "q01,q06", "--scale", "sf1", "--warmups", "1", "--iterations", "3", "--concurrency", "1,2", "--out", dir);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("tpch", server.Requests.First().Headers["X-Trino-Catalog"]);
        Assert.Equal("sf1", server.Requests.First().Headers["X-Trino-Schema"]);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "report.json")))!;
        Assert.Equal("435", (string?)report["serverVersion"]);
        var level = report["queries"]![0]!["levels"]![0]!;
        Assert.Equal(7, (double)level["engineElapsedMsMedian"]!);
        Assert.Equal(60175, (long)level["processedRows"]!);
        Assert.Equal(6, report["queries"]![0]!["levels"]![1]!["samplesMs"]!.AsArray().Count);
        Assert.Contains("q06\tOk\t2\t", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchRun_TpcDsSuite_SendsTpcdsCatalogAndChecksRows()
    {
        await using var server = await StartAsync(q06Rows: 1);
        server.Script(QueryCatalog.Embedded.Resolve("trino", "tpcds", ["q96"])[0].Sql, Rows(1));
        var dir = Directory.CreateTempSubdirectory("dqe-bench-").FullName;

        var result = await CliRunner.RunAsync("bench", "run", "--engine", "trino", "--server", server.BaseUri.ToString(), "--suite", "tpcds",
            "--queries", "q96", "--scale", "sf10", "--warmups", "0", "--iterations", "2", "--out", dir);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.All(server.Requests.Where(r => r.Method == "POST"), r => Assert.Equal("tpcds", r.Headers["X-Trino-Catalog"]));
        Assert.Equal("sf10", server.Requests.First().Headers["X-Trino-Schema"]);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "report.json")))!;
        Assert.Equal("tpcds", (string?)report["suite"]);
        Assert.Equal(1, (long)report["queries"]![0]!["expectedRows"]!);
        Assert.Equal("Ok", (string?)report["queries"]![0]!["status"]);
    }

    [Fact]
    public async Task BenchRun_WrongRowCount_FailsRunWithReportNamingQuery()
    {
        await using var server = await StartAsync(q06Rows: 2);
        var dir = Directory.CreateTempSubdirectory("dqe-bench-").FullName;

        var result = await CliRunner.RunAsync("bench", "run", "--engine", "trino", "--server", server.BaseUri.ToString(), "--suite", "tpch",
            "--queries", "q01,q06", "--iterations", "2", "--out", dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("q06: WrongResult: expected 1 rows at scale tiny, got 2", result.Stderr, StringComparison.Ordinal);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "report.json")))!;
        Assert.Equal("Failed", (string?)report["status"]);
        Assert.Equal("Ok", (string?)report["queries"]![0]!["status"]);
        Assert.Contains("WrongResult", await File.ReadAllTextAsync(Path.Combine(dir, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchRun_UnreachableServer_FailedReportAndExitOne()
    {
        var dir = Directory.CreateTempSubdirectory("dqe-bench-").FullName;
        using var closed = new ClosedLoopbackPort(); // nothing listens there

        var result = await CliRunner.RunAsync("bench", "run", "--engine", "trino", "--server", $"http://127.0.0.1:{closed.Port}", "--suite", "tpch", "--queries", "q01", "--out", dir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("server: trino did not answer SELECT version()", result.Stderr, StringComparison.Ordinal);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "report.json")))!;
        Assert.Equal("Failed", (string?)report["queries"]![0]!["status"]);
    }

    [Theory]
    [InlineData("--concurrency", "1,x", "--concurrency")]
    [InlineData("--iterations", "0", "iterations")]
    [InlineData("--suite", "tpcx", "suite")]
    public async Task BenchRun_BadOption_ExitsTwoNamingIt(string option, string value, string named)
    {
        var args = new List<string> { "bench", "run", "--engine", "trino", "--server", "http://127.0.0.1:1", "--suite", "tpch", "--out", Path.GetTempPath() };
        var index = args.IndexOf(option);
        if (index >= 0)
        {
            args[index + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var result = await CliRunner.RunAsync([.. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchCompare_ClearSlowdown_ExitsOneWithSlowerVerdict()
    {
        var dir = Directory.CreateTempSubdirectory("dqe-bench-").FullName;
        var baseline = await WriteAsync(dir, "base.json", 1.0);
        var candidate = await WriteAsync(dir, "cand.json", 1.6);
        var same = await WriteAsync(dir, "same.json", 1.0);

        var slower = await CliRunner.RunAsync("bench", "compare", baseline, candidate);
        var unchanged = await CliRunner.RunAsync("bench", "compare", baseline, same);

        Assert.Equal(1, slower.ExitCode);
        Assert.Contains("q01\t1\tSlower\t", slower.Stdout, StringComparison.Ordinal);
        Assert.Contains("regressions\t1", slower.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, unchanged.ExitCode);
        Assert.Contains("q01\t1\tUnchanged\t", unchanged.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchCompare_MissingFile_ExitsTwoNamingFile()
    {
        var result = await CliRunner.RunAsync("bench", "compare", "/nonexistent/base.json", "/nonexistent/cand.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/base.json", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<string> WriteAsync(string dir, string name, double factor)
    {
        double[] samples = [.. new[] { 50.0, 51, 49, 52, 48, 50.5, 49.5, 51.5 }.Select(v => v * factor)];
        var level = new LevelReport(1, samples, LatencyStatistics.Compute(samples), 3600, null, null, 0, 0);
        var query = new QueryReport("q01", QueryStatus.Ok, null, 4, 4, [level]);
        var at = new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);
        var report = new BenchmarkReport("1.0", name, "trino", "tpch", "sf1", "435", at, at, RunStatus.Succeeded,
            new ReportSettings(1, 8, [1], 600, ["q01"]), [query], new SuiteSummary(1, 1, 0, 0, level.Stats.MedianMs, [], 0, 0), []);
        var path = Path.Combine(dir, name);
        await File.WriteAllTextAsync(path, BenchmarkReportJson.Serialize(report));
        return path;
    }
}
