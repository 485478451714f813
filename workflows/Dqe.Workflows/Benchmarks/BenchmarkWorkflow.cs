using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Dqe.Workflows.Building;

namespace Dqe.Workflows.Benchmarks;

/// <summary>
/// Scheduled/on-demand benchmark run: prepare (resolve suite, check engine health) → Map over queries
/// (bounded by <c>$.run.maxConcurrency</c>, each item one function call whose samples go to S3) → aggregate →
/// compare with the baseline → report (JSON + HTML + EMF metrics). Any failure goes to PartialReport,
/// which writes what exists and marks the run failed, then the execution fails.
/// Input: <c>{"engine":"clickhouse","suite":"clickbench","scale":"100k","server":"http://...","queries":["q01"],
/// "warmups":1,"iterations":5,"concurrency":[1],"maxConcurrency":4}</c>. ClickHouse TPC-H from the lake with
/// <c>clickHouse.lakeWriter</c> first has Trino write the scale's Parquet files (PrepareLake, once per scale).
/// </summary>
public sealed class BenchmarkWorkflow : IWorkflow
{
    public const string Prepare = "dqe.bench.prepare";
    public const string PrepareLake = "dqe.bench.prepare-lake";
    public const string RunQuery = "dqe.bench.run-query";
    public const string Aggregate = "dqe.bench.aggregate";
    public const string CompareBaseline = "dqe.bench.compare";
    public const string Report = "dqe.bench.report";

    public string Name => WorkflowNames.Benchmark;

    public string Description => "Benchmark suite run with statistics, baseline comparison and reports";

    public StateMachineType Type => StateMachineType.STANDARD;

    public TimeSpan Timeout => TimeSpan.FromHours(8);

    public IReadOnlyList<string> Handlers { get; } = [Prepare, PrepareLake, RunQuery, Aggregate, CompareBaseline, Report];

    /// <summary>Prepare checks engine health and RunQuery measures; every step keeps its parts in the reports bucket.</summary>
    public HandlerNeeds NeedsOf(string handler) =>
        handler is Prepare or RunQuery ? HandlerNeeds.Engines | HandlerNeeds.Reports : handler is PrepareLake ? HandlerNeeds.Engines : HandlerNeeds.Reports;

    public IChainable Define(Construct scope, WorkflowContext context)
    {
        var failed = new Fail(scope, "RunFailed", new FailProps { Error = "Dqe.BenchmarkFailed", CausePath = "$.error.Cause" });
        var partial = Steps.Invoke(scope, "PartialReport", context, Report, resultPath: "$.report").Next(failed);

        var prepare = Steps.CatchAll(Steps.Invoke(scope, "Prepare", context, Prepare, resultPath: "$.run"), partial);
        var prepareLake = Steps.CatchAll(Steps.Invoke(scope, "PrepareLake", context, PrepareLake, resultPath: "$.lake"), partial);
        var lakeNeeded = new Choice(scope, "WriteLake?");
        var queries = new Map(scope, "RunQueries", new MapProps
        {
            ItemsPath = "$.run.items",
            MaxConcurrencyPath = "$.run.maxConcurrency",
            ResultPath = "$.results",
        });
        // Each item returns only {queryId, status, key}: samples live in S3, never near the 256 KB payload limit.
        queries.ItemProcessor(Steps.Invoke(scope, "RunQuery", context, RunQuery));
        Steps.CatchAll(queries, partial);
        var aggregate = Steps.CatchAll(Steps.Invoke(scope, "Aggregate", context, Aggregate, resultPath: "$.aggregate"), partial);
        var compare = Steps.CatchAll(Steps.Invoke(scope, "CompareBaseline", context, CompareBaseline, resultPath: "$.comparison"), partial);
        var report = Steps.CatchAll(Steps.Invoke(scope, "WriteReport", context, Report, resultPath: "$.report"), partial);
        var verdict = new Choice(scope, "RunSucceeded?")
            .When(Condition.StringEquals("$.report.status", "Succeeded"), new Succeed(scope, "Done"))
            .Otherwise(new Fail(scope, "QueriesFailed", new FailProps { Error = "Dqe.BenchmarkFailed", Cause = "one or more queries failed; see the report" }));
        var run = prepare.Next(queries).Next(aggregate).Next(compare).Next(report).Next(verdict);
        return lakeNeeded.When(Condition.IsPresent("$.clickHouse.lakeWriter"), prepareLake.Next(run)).Otherwise(run);
    }
}
