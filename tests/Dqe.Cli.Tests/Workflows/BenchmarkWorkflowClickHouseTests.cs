using System.Text.Json.Nodes;
using Dqe.Cli.Tests.TestHelpers;
using Dqe.Core.Benchmarks;
using Dqe.Core.Benchmarks.LakeData;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers;
using Dqe.Workflows.Benchmarks;

namespace Dqe.Cli.Tests.Workflows;

/// <summary>
/// The demo's path (scripts/demo.sh): `dqe workflow run benchmark` over a synthesized assembly, the bench
/// handlers in-process against a real local clickhouse-server, the report store a local directory.
/// </summary>
public sealed class BenchmarkWorkflowClickHouseTests(ClickHouseServerFixture clickhouse) : IClassFixture<ClickHouseServerFixture>
{
    private const int Iterations = 2;
    private static readonly Lazy<string> Assembly = new(() => WorkflowAssembly.Synthesize(new BenchmarkWorkflow()));

    [Fact]
    public async Task Run_ClickBenchOnLocalServer_WritesReportWithEveryQueryMeasured()
    {
        var reports = Directory.CreateTempSubdirectory("dqe-reports-").FullName;
        var input = await InputFileAsync(new JsonObject
        {
            ["engine"] = "clickhouse", ["suite"] = "clickbench", ["scale"] = "10k", ["server"] = clickhouse.Uri.ToString(),
            ["warmups"] = 1, ["iterations"] = Iterations, ["concurrency"] = new JsonArray(1), ["maxConcurrency"] = 2,
        });

        var result = await CliRunner.RunAsync("workflow", "run", "benchmark", "--env", WorkflowAssembly.Env, "--assembly", Assembly.Value, "--input", input, "--reports-dir", reports);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var htmlKey = JsonNode.Parse(result.Stdout)!["report"]!["htmlKey"]!.GetValue<string>();
        var html = Path.Combine(reports, htmlKey);
        Assert.True(File.Exists(html), $"no report at {html}");
        Assert.Contains("chart-distribution", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(html)!, "report.json")))!;
        Assert.Equal("Succeeded", (string?)report["status"]);
        var expected = QueryCatalog.Embedded.Resolve("clickhouse", "clickbench").Select(q => q.Id).ToList();
        var queries = report["queries"]!.AsArray();
        Assert.Equal(expected, queries.Select(q => (string?)q!["id"]));
        Assert.All(queries, q => Assert.True((string?)q!["status"] == "Ok" && q["levels"]![0]!["samplesMs"]!.AsArray().Count == Iterations, q!.ToJsonString()));
        Assert.Contains("within the happy-path transition budget", result.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(reports, "baselines", "clickhouse", "clickbench", "10k", "latest.json")));
    }

    [Fact]
    public async Task Run_ServerUnreachable_WritesPartialReportAndExitsOne()
    {
        var reports = Directory.CreateTempSubdirectory("dqe-reports-").FullName;
        var input = await InputFileAsync(new JsonObject
        {
            ["engine"] = "clickhouse", ["suite"] = "clickbench", ["scale"] = "10k", ["server"] = "http://127.0.0.1:1/", ["queries"] = new JsonArray("q00"),
        });

        var result = await CliRunner.RunAsync("workflow", "run", "benchmark", "--env", WorkflowAssembly.Env, "--assembly", Assembly.Value, "--input", input, "--reports-dir", reports);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PartialReport", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Dqe.BenchmarkFailed", result.Stderr, StringComparison.Ordinal);
        var partial = Assert.Single(Directory.EnumerateFiles(Path.Combine(reports, "reports"), "report.json", SearchOption.AllDirectories));
        Assert.Equal("Failed", (string?)JsonNode.Parse(await File.ReadAllTextAsync(partial))!["status"]);
    }

    [Fact]
    public async Task Run_TpchLakeScaleWithLakeWriter_TrinoWritesEachTableBeforeClickHouseLoads()
    {
        await using var trino = await TrinoReplayServer.StartAsync();
        var lake = new TpchLakeTrino(trino, new TpchLakeOptions("dqe-dev-lake", "tiny", "dqe_dev_lake"));
        var reports = Directory.CreateTempSubdirectory("dqe-reports-").FullName;
        var input = await InputFileAsync(new JsonObject
        {
            ["engine"] = "clickhouse", ["suite"] = "tpch", ["scale"] = "tiny", ["server"] = clickhouse.Uri.ToString(), ["queries"] = new JsonArray("q06"),
            ["clickHouse"] = new JsonObject
            {
                ["lakeBucket"] = "dqe-dev-lake", ["lakeRegion"] = "eu-west-1",
                ["lakeWriter"] = new JsonObject { ["server"] = trino.BaseUri.ToString(), ["schema"] = "dqe_dev_lake" },
            },
        });

        var result = await CliRunner.RunAsync("workflow", "run", "benchmark", "--env", WorkflowAssembly.Env, "--assembly", Assembly.Value, "--input", input, "--reports-dir", reports);

        // Prepare checked the (empty) lake, the lake writer wrote each of the eight tables in its own call; the Debian
        // 18.16 server has no s3() table function, so the first table load from the lake fails there and the run ends in
        // a partial report (the cluster runs 24.8).
        Assert.Equal(8, lake.Writes.Count);
        Assert.All(lake.Writes.Values, n => Assert.Equal(1, n));
        Assert.Equal(1, result.ExitCode);
        var states = result.Stderr.Split('\n').Select(l => l.Trim().Split(' ')[0]).Where(s => s.Length > 0).Distinct().ToList();
        // A Map's own line follows its iterations' lines; every lake table is written before the first load.
        Assert.Equal(["running", "Prepare", "WriteLake?"], states.Take(3));
        Assert.Equal(["LoadTable", "LoadTables", "WriteLakeTable", "WriteLakeTables"], states.Skip(3).SkipLast(4).Order(StringComparer.Ordinal));
        Assert.True(states.IndexOf("WriteLakeTables") < states.IndexOf("LoadTable"), string.Join(" ", states));
        Assert.Equal(["PartialReport", "RunFailed", "FAILED", "within"], states.TakeLast(4));
        Assert.Contains("Dqe.BenchmarkFailed: Unknown table function s3", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<string> InputFileAsync(JsonObject input)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dqe-bench-input-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, input.ToJsonString());
        return path;
    }
}
