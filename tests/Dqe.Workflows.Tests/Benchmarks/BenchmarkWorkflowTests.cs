using System.Text.Json.Nodes;
using Dqe.Workflows;
using Dqe.Workflows.Benchmarks;
using Dqe.Workflows.Local;
using Dqe.Workflows.Local.Fakes;
using Dqe.Workflows.Tests.Local;
using Dqe.Workflows.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Workflows.Tests.Benchmarks;

public sealed class BenchmarkWorkflowTests
{
    private static readonly Lazy<LocalWorkflow> Workflow = new(() => Assert.Single(AslExtractor.Extract(WorkflowSynth.Synthesize(new BenchmarkWorkflow()), WorkflowSynth.Region)));

    [Fact]
    public async Task Run_HappyPath_LoadsTheTableThenMapsEveryQueryThenAggregatesComparesAndReports()
    {
        var handlers = new BenchScriptedHandlers();

        var result = await Run(Route(handlers));

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["Prepare", "WriteLake?", "LoadTables", "LoadTable", "RunQueries"], result.Path.Take(5));
        Assert.DoesNotContain(handlers.Invoked, i => i.Handler == BenchmarkWorkflow.PrepareLake);
        Assert.Equal(["hits"], handlers.TablesOf(BenchmarkWorkflow.LoadTables));
        Assert.Equal(["Aggregate", "CompareBaseline", "WriteReport", "RunSucceeded?", "Done"], result.Path.TakeLast(5));
        Assert.Equal(["q01", "q02", "q03"], handlers.Invoked.Where(i => i.Handler == BenchmarkWorkflow.RunQuery).Select(i => i.Input!["queryId"]!.GetValue<string>()).Order());
        Assert.Equal(3, result.Output!["results"]!.AsArray().Count);
        Assert.Equal("runs/r1/queries/q02.json", result.Output["results"]![1]!["key"]!.GetValue<string>());
        Assert.DoesNotContain(handlers.Invoked, i => i.Handler == BenchmarkWorkflow.Report && i.Input!["error"] is not null);
        Assert.True(TransitionBudgets.Within(WorkflowNames.Benchmark, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_Trino_NoTablesToLoadAndTheEmptyMapPassesStraightToTheQueries()
    {
        var handlers = new BenchScriptedHandlers();

        var result = await Run(Route(handlers), new JsonObject { ["engine"] = "trino", ["suite"] = "tpch", ["scale"] = "sf1", ["server"] = "https://trino.prod.dqe.internal:8443" });

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["Prepare", "WriteLake?", "LoadTables", "RunQueries"], result.Path.Take(4));
        Assert.DoesNotContain(handlers.Invoked, i => i.Handler is BenchmarkWorkflow.LoadTables or BenchmarkWorkflow.PrepareLake);
        Assert.True(TransitionBudgets.Within(WorkflowNames.Benchmark, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_QueryFailedInsideRun_ReportWrittenAndExecutionFails()
    {
        var handlers = new BenchScriptedHandlers(queryStatus: "WrongResult");

        var result = await Run(Route(handlers));

        Assert.Equal("FAILED", result.Status);
        Assert.Equal("Dqe.BenchmarkFailed", result.Error);
        Assert.Equal("QueriesFailed", result.Path[^1]);
        Assert.Contains(handlers.Invoked, i => i.Handler == BenchmarkWorkflow.Report);
        Assert.True(TransitionBudgets.Within(WorkflowNames.Benchmark, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_ClickHouseTpchWithLakeWriter_WritesEachTableInItsOwnCallThenLoadsEach()
    {
        var handlers = new BenchScriptedHandlers();

        var result = await Run(Route(handlers), LakeInput());

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["Prepare", "WriteLake?", "WriteLakeTables"], result.Path.Take(3));
        Assert.Equal(BenchScriptedHandlers.TpchTables, handlers.TablesOf(BenchmarkWorkflow.PrepareLake).Order());
        Assert.Equal(BenchScriptedHandlers.TpchTables, handlers.TablesOf(BenchmarkWorkflow.LoadTables).Order());
        // Every lake write is done before the first load starts, and every load before the first query.
        var order = handlers.Invoked.Select(i => i.Handler).ToList();
        Assert.True(order.LastIndexOf(BenchmarkWorkflow.PrepareLake) < order.IndexOf(BenchmarkWorkflow.LoadTables), string.Join(" ", order));
        Assert.True(order.LastIndexOf(BenchmarkWorkflow.LoadTables) < order.IndexOf(BenchmarkWorkflow.RunQuery), string.Join(" ", order));
        var write = handlers.Invoked.First(i => i.Handler == BenchmarkWorkflow.PrepareLake).Input!;
        Assert.Equal("dqe_prod_lake", write["clickHouse"]!["lakeWriter"]!["schema"]!.GetValue<string>());
        Assert.Equal("sf1", write["scale"]!.GetValue<string>());
        var lake = result.Output!["lake"]!.AsArray();
        Assert.Equal(8, lake.Count);
        Assert.Contains(lake, t => (string?)t!["tables"]![0]!["location"] == "s3://lake/curated/tpch/sf1/lineitem/");
        Assert.Equal(8, result.Output["loads"]!.AsArray().Count);
        Assert.Equal(8 + 8 + 3, result.MapIterations);
        Assert.True(TransitionBudgets.Within(WorkflowNames.Benchmark, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_OneLakeTableFails_ReportNamesTheTableAndNothingIsLoaded()
    {
        var handlers = new BenchScriptedHandlers(failingTable: "orders");

        var result = await Run(Route(handlers), LakeInput());

        Assert.Equal("FAILED", result.Status);
        Assert.Equal(["PartialReport", "RunFailed"], OutsideTableMaps(result).TakeLast(2));
        Assert.Contains("WriteLakeTables", result.Path);
        Assert.Contains("tpch.sf1.orders has 1500000", result.Cause, StringComparison.Ordinal);
        Assert.Contains("orders", handlers.TablesOf(BenchmarkWorkflow.PrepareLake));
        Assert.DoesNotContain(handlers.Invoked, i => i.Handler is BenchmarkWorkflow.LoadTables or BenchmarkWorkflow.RunQuery);
        var partial = handlers.Invoked.Last(i => i.Handler == BenchmarkWorkflow.Report).Input!;
        Assert.Contains("orders", partial["error"]!["Cause"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(TransitionBudgets.Within(WorkflowNames.Benchmark, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_OneTableFailsToLoad_ReportNamesTheTableAndNoQueryRuns()
    {
        var handlers = new BenchScriptedHandlers(failingTable: "lineitem");
        var input = LakeInput();
        input["clickHouse"]!.AsObject().Remove("lakeWriter");

        var result = await Run(Route(handlers), input);

        Assert.Equal("FAILED", result.Status);
        Assert.Equal(["Prepare", "WriteLake?", "LoadTables"], result.Path.Take(3));
        Assert.Equal(["PartialReport", "RunFailed"], OutsideTableMaps(result).TakeLast(2));
        Assert.Contains("tpch_sf1_lineitem", result.Cause, StringComparison.Ordinal);
        Assert.DoesNotContain(handlers.Invoked, i => i.Handler is BenchmarkWorkflow.PrepareLake or BenchmarkWorkflow.RunQuery);
        Assert.True(TransitionBudgets.Within(WorkflowNames.Benchmark, result, out var overrun), overrun);
    }

    [Theory]
    [InlineData("Prepare")]
    [InlineData("WriteLakeTable")]
    [InlineData("LoadTable")]
    [InlineData("WriteReport")] // the longest failure path: every Map ran
    public async Task Run_LakeRunFailureInjected_WritesPartialReportAndFails(string state)
    {
        var handlers = new BenchScriptedHandlers();

        var result = await Run(new FailureInjector(Route(handlers), state), LakeInput());

        Assert.Equal("FAILED", result.Status);
        Assert.Contains($"failure injected into '{state}'", result.Cause, StringComparison.Ordinal);
        Assert.Equal(["PartialReport", "RunFailed"], OutsideTableMaps(result).TakeLast(2));
        Assert.Equal(state == "WriteReport", handlers.Invoked.Any(i => i.Handler == BenchmarkWorkflow.RunQuery));
        Assert.True(TransitionBudgets.Within(WorkflowNames.Benchmark, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Validate_SynthesizedDefinition_IsValidAsl()
    {
        var (exitCode, output) = await AslValidationTests.ValidateAsync(Workflow.Value.Definition.ToJsonString());

        Assert.True(exitCode == 0, output);
    }

    [Theory]
    [InlineData("Prepare")]
    [InlineData("LoadTable")]
    [InlineData("RunQuery")]
    [InlineData("Aggregate")]
    [InlineData("CompareBaseline")]
    [InlineData("WriteReport")]
    public async Task Run_FailureInjectedIntoTask_WritesPartialReportAndFails(string state)
    {
        var handlers = new BenchScriptedHandlers();

        var result = await Run(new FailureInjector(Route(handlers), state));

        Assert.Equal("FAILED", result.Status);
        Assert.Equal("Dqe.BenchmarkFailed", result.Error);
        Assert.Contains($"failure injected into '{state}'", result.Cause, StringComparison.Ordinal);
        Assert.Equal(["PartialReport", "RunFailed"], OutsideTableMaps(result).TakeLast(2));
        var partial = handlers.Invoked.Last(i => i.Handler == BenchmarkWorkflow.Report);
        Assert.NotNull(partial.Input!["error"]);
        Assert.Equal("clickhouse", partial.Input!["engine"]!.GetValue<string>());
        Assert.True(TransitionBudgets.Within(WorkflowNames.Benchmark, result, out var overrun), overrun);
    }

    // Iterations already running when one fails still finish (their events may follow PartialReport's): Step Functions
    // stops a failed Map's iterations from starting, it does not take back a function call in flight.
    private static IEnumerable<string> OutsideTableMaps(WorkflowRunResult result) => result.Path.Where(s => s is not ("WriteLakeTable" or "LoadTable"));

    private static TaskRouter Route(ITaskRouter handlers) => new(handlers, new AwsApiFake(new FakeTimeProvider()));

    private static JsonObject LakeInput() => new()
    {
        ["engine"] = "clickhouse", ["suite"] = "tpch", ["scale"] = "sf1", ["server"] = "https://clickhouse.prod.dqe.internal:8443",
        ["clickHouse"] = new JsonObject
        {
            ["cluster"] = "dqe", ["lakeBucket"] = "lake", ["lakeRegion"] = "eu-west-1",
            ["lakeWriter"] = new JsonObject { ["server"] = "https://trino.prod.dqe.internal:8443", ["schema"] = "dqe_prod_lake" },
        },
    };

    private static Task<WorkflowRunResult> Run(ITaskRouter router, JsonObject? input = null) =>
        new LocalWorkflowRunner(NodeTooling.Discover()).RunAsync(
            Workflow.Value,
            input ?? new JsonObject { ["engine"] = "clickhouse", ["suite"] = "clickbench", ["scale"] = "10k", ["server"] = "http://127.0.0.1:8123" },
            router,
            new LocalRunOptions(), null, CancellationToken.None);
}
