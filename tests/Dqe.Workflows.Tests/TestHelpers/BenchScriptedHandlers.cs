using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dqe.Workflows.Local;

namespace Dqe.Workflows.Tests.TestHelpers;

/// <summary>Scripted bench.* handlers: prepare-lake writes lineitem, prepare lists three query items, each run-query returns its S3 key, report echoes status.</summary>
internal sealed class BenchScriptedHandlers(string queryStatus = "Ok") : ITaskRouter
{
    public ConcurrentQueue<(string Handler, JsonNode? Input)> Invoked { get; } = new();

    public Task<TaskOutcome> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        Invoked.Enqueue((call.Target.Handler!, call.Input?.DeepClone()));
        var outcome = call.Target.Handler switch
        {
            "dqe.bench.prepare" => TaskOutcome.Success(new JsonObject
            {
                ["runId"] = "r1",
                ["maxConcurrency"] = 2,
                ["items"] = new JsonArray(Item("q01"), Item("q02"), Item("q03")),
            }),
            "dqe.bench.prepare-lake" => TaskOutcome.Success(new JsonObject
            {
                ["tables"] = new JsonArray(new JsonObject { ["table"] = "lineitem", ["location"] = "s3://lake/curated/tpch/sf1/lineitem/", ["rows"] = 6001215, ["written"] = true }),
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

    private static JsonObject Item(string id) => new() { ["runId"] = "r1", ["queryId"] = id };
}
