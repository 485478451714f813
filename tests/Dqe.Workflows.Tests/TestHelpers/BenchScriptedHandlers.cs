using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dqe.Workflows.Local;

namespace Dqe.Workflows.Tests.TestHelpers;

/// <summary>
/// Scripted bench.* handlers: prepare lists three query items and one table item per table of the suite (none for Trino),
/// prepare-lake and load-tables answer for the one table of their item (<paramref name="failingTable"/> fails both as a
/// non-retried handler error), each run-query returns its S3 key, report echoes status.
/// </summary>
internal sealed class BenchScriptedHandlers(string queryStatus = "Ok", string? failingTable = null) : ITaskRouter
{
    public static readonly string[] TpchTables = ["customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier"];

    public ConcurrentQueue<(string Handler, JsonNode? Input)> Invoked { get; } = new();

    /// <summary>The table of every per-table call to <paramref name="handler"/>, in call order.</summary>
    public IReadOnlyList<string> TablesOf(string handler) =>
        [.. Invoked.Where(i => i.Handler == handler).Select(i => Assert.Single(i.Input!["tables"]!.AsArray())!.GetValue<string>())];

    public Task<TaskOutcome> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        Invoked.Enqueue((call.Target.Handler!, call.Input?.DeepClone()));
        var table = call.Input?["tables"]?[0]?.GetValue<string>();
        var outcome = call.Target.Handler switch
        {
            "dqe.bench.prepare" => TaskOutcome.Success(new JsonObject
            {
                ["runId"] = "r1",
                ["maxConcurrency"] = 2,
                ["items"] = new JsonArray(Item("q01"), Item("q02"), Item("q03")),
                ["tableItems"] = new JsonArray([.. TablesFor(call.Input!).Select(t => TableItem(call.Input!, t))]),
            }),
            "dqe.bench.prepare-lake" or "dqe.bench.load-tables" when table == failingTable =>
                TaskOutcome.Failure("Dqe.BenchmarkException", $"setup: hive.dqe_prod_lake.tpch_sf1_{table} has 7 rows, tpch.sf1.{table} has 1500000"),
            "dqe.bench.prepare-lake" => TaskOutcome.Success(new JsonObject
            {
                ["tables"] = new JsonArray(new JsonObject { ["table"] = table, ["location"] = $"s3://lake/curated/tpch/sf1/{table}/", ["rows"] = 25, ["written"] = true }),
            }),
            "dqe.bench.load-tables" => TaskOutcome.Success(new JsonObject
            {
                ["tables"] = new JsonArray(new JsonObject { ["table"] = table, ["rows"] = 25, ["loaded"] = true }),
            }),
            "dqe.bench.run-query" => TaskOutcome.Success(new JsonObject
            {
                ["queryId"] = call.Input!["queryId"]!.GetValue<string>(),
                ["status"] = queryStatus,
                ["key"] = $"runs/r1/queries/{call.Input!["queryId"]!.GetValue<string>()}.json",
            }),
            "dqe.bench.aggregate" => TaskOutcome.Success(new JsonObject { ["reportKey"] = "runs/r1/report.json", ["status"] = queryStatus == "Ok" ? "Succeeded" : "Failed" }),
            "dqe.bench.compare" => TaskOutcome.Success(new JsonObject { ["regressions"] = 0 }),
            "dqe.bench.report" => TaskOutcome.Success(new JsonObject
            {
                ["status"] = call.Input!["error"] is null && queryStatus == "Ok" ? "Succeeded" : "Failed",
                ["htmlKey"] = "reports/2026/11/25/r1/report.html",
            }),
            var other => TaskOutcome.Failure("Dqe.UnknownHandler", $"no scripted handler {other}"),
        };
        return Task.FromResult(outcome);
    }

    private static string[] TablesFor(JsonNode input) => (input["engine"]?.GetValue<string>(), input["suite"]?.GetValue<string>()) switch
    {
        ("clickhouse", "tpch") => TpchTables,
        ("clickhouse", "clickbench") => ["hits"],
        _ => [],
    };

    private static JsonObject TableItem(JsonNode input, string table)
    {
        var item = input.DeepClone().AsObject();
        item["tables"] = new JsonArray(table);
        return item;
    }

    private static JsonObject Item(string id) => new() { ["runId"] = "r1", ["queryId"] = id };
}
