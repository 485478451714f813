using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Dqe.Workflows.Building;

namespace Dqe.Workflows.Benchmarks;

/// <summary>
/// Scheduled/on-demand benchmark run: prepare (resolve suite, check engine health, list queries and tables) → with
/// <c>clickHouse.lakeWriter</c>, a Map over the suite's tables having Trino write each one's Parquet files (once per
/// scale) → a Map over the tables loading each into ClickHouse (once per scale; none for Trino) → Map over queries
/// (bounded by <c>$.run.maxConcurrency</c>, each item one function call whose samples go to S3) → aggregate →
/// compare with the baseline → report (JSON + HTML + EMF metrics). One function call per table, so a scale is not
/// bounded by one invocation. Any failure (a table that still fails after its retries, too) goes to PartialReport,
/// which writes what exists and marks the run failed, then the execution fails.
/// Input: <c>{"engine":"clickhouse","suite":"clickbench","scale":"100k","server":"http://...","queries":["q01"],
/// "warmups":1,"iterations":5,"concurrency":[1],"maxConcurrency":4}</c>.
/// </summary>
public sealed class BenchmarkWorkflow : IWorkflow
{
    public const string Prepare = "dqe.bench.prepare";
    public const string PrepareLake = "dqe.bench.prepare-lake";
    public const string LoadTables = "dqe.bench.load-tables";
    public const string RunQuery = "dqe.bench.run-query";
    public const string Aggregate = "dqe.bench.aggregate";
    public const string CompareBaseline = "dqe.bench.compare";
    public const string Report = "dqe.bench.report";

    public string Name => WorkflowNames.Benchmark;

    public string Description => "Benchmark suite run with statistics, baseline comparison and reports";

    public StateMachineType Type => StateMachineType.STANDARD;

    public TimeSpan Timeout => TimeSpan.FromHours(8);

    /// <summary>Tables written or loaded at once: the Trino and ClickHouse work of a scale shares the analytics nodes.</summary>
    public const int TableConcurrency = 4;

    public IReadOnlyList<string> Handlers { get; } = [Prepare, PrepareLake, LoadTables, RunQuery, Aggregate, CompareBaseline, Report];

    /// <summary>Prepare checks engine health and RunQuery measures; every step keeps its parts in the reports bucket; the table steps only talk to engines.</summary>
    public HandlerNeeds NeedsOf(string handler) =>
        handler is Prepare or RunQuery ? HandlerNeeds.Engines | HandlerNeeds.Reports : handler is PrepareLake or LoadTables ? HandlerNeeds.Engines : HandlerNeeds.Reports;

    public IChainable Define(Construct scope, WorkflowContext context)
    {
        var failed = new Fail(scope, "RunFailed", new FailProps { Error = "Dqe.BenchmarkFailed", CausePath = "$.error.Cause" });
        var partial = Steps.Invoke(scope, "PartialReport", context, Report, resultPath: "$.report").Next(failed);

        var prepare = Steps.CatchAll(Steps.Invoke(scope, "Prepare", context, Prepare, resultPath: "$.run"), partial);
        var lakeNeeded = new Choice(scope, "WriteLake?");
        var writeLake = PerTable(scope, "WriteLakeTables", "WriteLakeTable", context, PrepareLake, "$.lake", partial);
        var load = PerTable(scope, "LoadTables", "LoadTable", context, LoadTables, "$.loads", partial);
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
        var run = load.Next(queries).Next(aggregate).Next(compare).Next(report).Next(verdict);
        return prepare.Next(lakeNeeded.When(Condition.IsPresent("$.clickHouse.lakeWriter"), writeLake.Next(run)).Otherwise(run));
    }

    /// <summary>
    /// A Map over <c>$.run.tableItems</c> (the run input with <c>tables</c> = one table each), one retried call per table.
    /// A table that still fails fails the Map, which stops the iterations not yet finished, and goes to <paramref name="failed"/>.
    /// </summary>
    private static Map PerTable(Construct scope, string id, string iterationId, WorkflowContext context, string handler, string resultPath, IChainable failed)
    {
        var map = new Map(scope, id, new MapProps { ItemsPath = "$.run.tableItems", MaxConcurrency = TableConcurrency, ResultPath = resultPath });
        map.ItemProcessor(Steps.Invoke(scope, iterationId, context, handler));
        return Steps.CatchAll(map, failed);
    }
}
