using System.Text.Json.Nodes;
using Dqe.Core.Benchmarks;
using Dqe.Core.Benchmarks.Functions;
using Dqe.Core.Hosting;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Benchmarks;

public class BenchHandlersTests
{
    private static JsonObject Input() => new()
    {
        ["engine"] = "trino", ["suite"] = "tpch", ["scale"] = "sf1", ["server"] = "https://trino.example:8443",
        ["queries"] = new JsonArray("q01", "q06"), ["warmups"] = 0, ["iterations"] = 3, ["maxConcurrency"] = 2,
    };

    private static ScriptedAnswer Answer(string sql, double latency) => new(latency, sql.Contains("lineitem", StringComparison.Ordinal) && sql.Contains("returnflag", StringComparison.Ordinal) ? 4 : 1);

    /// <summary>Drives the handlers the way the state machine does: prepare → items → aggregate → compare → report.</summary>
    private static async Task<(JsonObject State, JsonNode Report)> RunAsync(BenchHandlerHarness harness)
    {
        var state = Input();
        state["run"] = await harness.InvokeAsync(BenchPrepareHandler.Name, Input());
        var results = new JsonArray();
        foreach (var item in state["run"]!["items"]!.AsArray())
        {
            results.Add(await harness.InvokeAsync(BenchRunQueryHandler.Name, item!.DeepClone()));
        }

        state["results"] = results;
        state["aggregate"] = await harness.InvokeAsync(BenchAggregateHandler.Name, state.DeepClone());
        state["comparison"] = await harness.InvokeAsync(BenchCompareHandler.Name, state.DeepClone());
        return (state, await harness.InvokeAsync(BenchReportHandler.Name, state.DeepClone()));
    }

    [Fact]
    public async Task Flow_TwoRuns_SecondComparedWithFirstAsBaselineAndPublished()
    {
        var harness = new BenchHandlerHarness((sql, _) => Answer(sql, 10));

        var (first, firstReport) = await RunAsync(harness);
        harness.Time.Advance(TimeSpan.FromDays(1));
        var (_, secondReport) = await RunAsync(harness);

        Assert.Equal("20261125T020000Z-trino-tpch-sf1", first["run"]!["runId"]!.GetValue<string>());
        Assert.Equal(2, first["run"]!["maxConcurrency"]!.GetValue<int>());
        Assert.Equal("runs/20261125T020000Z-trino-tpch-sf1/queries/q06.json", first["results"]![1]!["key"]!.GetValue<string>());
        Assert.True(first["results"]!.ToJsonString().Length < 1024); // Map payloads stay tiny; samples live in the store
        Assert.Equal("Succeeded", firstReport["status"]!.GetValue<string>());
        Assert.Equal("reports/2026/11/25/20261125T020000Z-trino-tpch-sf1/report.html", firstReport["htmlKey"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(harness.Root, "reports/2026/11/25/20261125T020000Z-trino-tpch-sf1/report.html")));
        Assert.True(File.Exists(Path.Combine(harness.Root, "baselines/trino/tpch/sf1/latest.json")));
        var published = BenchmarkReportJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(harness.Root, "reports/2026/11/26/20261126T020000Z-trino-tpch-sf1/report.json")), "second");
        Assert.Equal("20261125T020000Z-trino-tpch-sf1", published.BaselineRunId);
        Assert.Equal(2, published.Comparison!.Count);
        Assert.Equal(["q01", "q06"], published.Queries.Select(q => q.Id));
        Assert.Equal(0, secondReport["regressions"]!.GetValue<int>());
        Assert.Equal(10, harness.Metrics["MedianMs_q01"]);
        Assert.True(harness.Metrics.ContainsKey("dimension:Suite=trino/tpch/sf1"));
    }

    [Fact]
    public async Task PartialReport_ErrorAfterOneQuery_MarksRunFailedAndListsMissingQuery()
    {
        var harness = new BenchHandlerHarness((sql, _) => Answer(sql, 5));
        var state = Input();
        state["run"] = await harness.InvokeAsync(BenchPrepareHandler.Name, Input());
        await harness.InvokeAsync(BenchRunQueryHandler.Name, state["run"]!["items"]![0]!.DeepClone());
        state["error"] = new JsonObject { ["Error"] = "States.TaskFailed", ["Cause"] = "lambda timed out" };

        var result = await harness.InvokeAsync(BenchReportHandler.Name, state);

        Assert.Equal("Failed", result["status"]!.GetValue<string>());
        var report = BenchmarkReportJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(harness.Root, result["key"]!.GetValue<string>())), "partial");
        Assert.Equal(QueryStatus.Ok, report.Queries[0].Status);
        Assert.Equal(QueryStatus.Failed, report.Queries[1].Status);
        Assert.Contains("workflow: States.TaskFailed: lambda timed out", report.Failures);
        Assert.False(File.Exists(Path.Combine(harness.Root, "baselines/trino/tpch/sf1/latest.json")));
    }

    [Fact]
    public async Task PartialReport_PrepareNeverRan_StillWritesFailedReport()
    {
        var harness = new BenchHandlerHarness((sql, _) => Answer(sql, 5));
        var state = Input();
        state["error"] = new JsonObject { ["Error"] = "Dqe.InvalidRequest", ["Cause"] = "bad" };

        var result = await harness.InvokeAsync(BenchReportHandler.Name, state);

        Assert.Equal("Failed", result["status"]!.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(harness.Root, result["htmlKey"]!.GetValue<string>())));
    }

    [Fact]
    public async Task RunQuery_WrongRowCount_IsAResultNotATaskError()
    {
        var harness = new BenchHandlerHarness((_, _) => new ScriptedAnswer(5, 7));
        var run = await harness.InvokeAsync(BenchPrepareHandler.Name, Input());

        var result = await harness.InvokeAsync(BenchRunQueryHandler.Name, run["items"]![0]!.DeepClone());

        Assert.Equal("WrongResult", result["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("engine", "mysql", "$.engine")]
    [InlineData("server", "not a url", "$.server")]
    [InlineData("maxConcurrency", "0", "$.maxConcurrency")]
    public async Task Prepare_BadInput_NamesField(string field, string value, string path)
    {
        var harness = new BenchHandlerHarness((sql, _) => Answer(sql, 5));
        var input = Input();
        input[field] = int.TryParse(value, out var number) ? JsonValue.Create(number) : JsonValue.Create(value);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => harness.InvokeAsync(BenchPrepareHandler.Name, input));

        Assert.Equal(path, error.Field);
    }

    [Theory]
    [InlineData("sf1", null, "$.scale")]
    [InlineData("gen_sf500", null, "$.scale")]
    [InlineData("sf1", "Bad_Bucket", "$.clickHouse.lakeBucket")]
    public async Task Prepare_ClickHouseTpchBadDataInput_NamesFieldBeforeSendingAnything(string scale, string? bucket, string path)
    {
        var harness = new BenchHandlerHarness((sql, _) => Answer(sql, 5));
        var input = Input();
        input["engine"] = "clickhouse";
        input["scale"] = scale;
        if (bucket is not null)
        {
            input["clickHouse"] = new JsonObject { ["cluster"] = "dqe", ["lakeBucket"] = bucket, ["lakeRegion"] = "eu-west-1" };
        }

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => harness.InvokeAsync(BenchPrepareHandler.Name, input));

        Assert.Equal(path, error.Field);
        Assert.Empty(harness.Engine.Executed);
    }

    [Theory]
    [InlineData("trino", "tpcds", 24)]
    [InlineData("trino", "tpch", 22)]
    public async Task Prepare_WholeSuite_OneMapItemPerQuery(string engine, string suite, int items)
    {
        var harness = new BenchHandlerHarness((sql, _) => Answer(sql, 5));
        var input = Input();
        input["engine"] = engine;
        input["suite"] = suite;
        input.Remove("queries");

        var run = await harness.InvokeAsync(BenchPrepareHandler.Name, input);

        Assert.Equal(items, run["items"]!.AsArray().Count);
        Assert.Equal($"20261125T020000Z-{engine}-{suite}-sf1", run["runId"]!.GetValue<string>());
    }
}
