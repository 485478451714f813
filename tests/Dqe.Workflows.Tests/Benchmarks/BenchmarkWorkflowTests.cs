using System.Text.Json.Nodes;
using Dqe.Workflows;
using Dqe.Workflows.Benchmarks;
using Dqe.Workflows.Local;
using Dqe.Workflows.Local.Fakes;
using Dqe.Workflows.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Workflows.Tests.Benchmarks;

public sealed class BenchmarkWorkflowTests
{
    private static readonly Lazy<LocalWorkflow> Workflow = new(() => Assert.Single(AslExtractor.Extract(WorkflowSynth.Synthesize(new BenchmarkWorkflow()), WorkflowSynth.Region)));

    [Fact]
    public async Task Run_HappyPath_MapsEveryQueryThenAggregatesComparesAndReports()
    {
        var handlers = new BenchScriptedHandlers();

        var result = await Run(Route(handlers));

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["WriteLake?", "Prepare", "RunQueries"], result.Path.Take(3));
        Assert.DoesNotContain(handlers.Invoked, i => i.Handler == BenchmarkWorkflow.PrepareLake);
        Assert.Equal(["Aggregate", "CompareBaseline", "WriteReport", "RunSucceeded?", "Done"], result.Path.TakeLast(5));
        Assert.Equal(["q01", "q02", "q03"], handlers.Invoked.Where(i => i.Handler == BenchmarkWorkflow.RunQuery).Select(i => i.Input!["queryId"]!.GetValue<string>()).Order());
        Assert.Equal(3, result.Output!["results"]!.AsArray().Count);
        Assert.Equal("runs/r1/queries/q02.json", result.Output["results"]![1]!["key"]!.GetValue<string>());
        Assert.DoesNotContain(handlers.Invoked, i => i.Handler == BenchmarkWorkflow.Report && i.Input!["error"] is not null);
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
    public async Task Run_ClickHouseTpchWithLakeWriter_WritesTheLakeBeforePrepareAndKeepsItsOutput()
    {
        var handlers = new BenchScriptedHandlers();

        var result = await Run(Route(handlers), LakeInput());

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        Assert.Equal(["WriteLake?", "PrepareLake", "Prepare", "RunQueries"], result.Path.Take(4));
        Assert.Equal(["dqe.bench.prepare-lake", "dqe.bench.prepare"], handlers.Invoked.Take(2).Select(i => i.Handler));
        Assert.Equal("dqe_prod_lake", handlers.Invoked.First().Input!["clickHouse"]!["lakeWriter"]!["schema"]!.GetValue<string>());
        Assert.Equal("s3://lake/curated/tpch/sf1/lineitem/", result.Output!["lake"]!["tables"]![0]!["location"]!.GetValue<string>());
        Assert.True(TransitionBudgets.Within(WorkflowNames.Benchmark, result, out var overrun), overrun);
    }

    [Fact]
    public async Task Run_LakeWriterFails_WritesPartialReportWithoutPreparingTheRun()
    {
        var handlers = new BenchScriptedHandlers();

        var result = await Run(new FailureInjector(Route(handlers), "PrepareLake"), LakeInput());

        Assert.Equal("FAILED", result.Status);
        Assert.Equal(["WriteLake?", "PrepareLake", "PartialReport", "RunFailed"], result.Path);
        Assert.DoesNotContain(handlers.Invoked, i => i.Handler == BenchmarkWorkflow.Prepare);
        Assert.True(TransitionBudgets.Within(WorkflowNames.Benchmark, result, out var overrun), overrun);
    }

    [Theory]
    [InlineData("Prepare")]
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
        Assert.Equal(["PartialReport", "RunFailed"], result.Path.TakeLast(2));
        var partial = handlers.Invoked.Last(i => i.Handler == BenchmarkWorkflow.Report);
        Assert.NotNull(partial.Input!["error"]);
        Assert.Equal("clickhouse", partial.Input!["engine"]!.GetValue<string>());
        Assert.True(TransitionBudgets.Within(WorkflowNames.Benchmark, result, out var overrun), overrun);
    }

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
