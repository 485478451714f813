using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dqe.Workflows.Local;
using Dqe.Workflows.Recovery;

namespace Dqe.Workflows.Tests.TestHelpers;

/// <summary>
/// Plays <c>dqe.region-restore</c> on the response JSON the real handler returns (restore running on the first
/// poll, done on the second; <see cref="Pages"/> catalog pages of saved tables) and passes every other handler's
/// call to <paramref name="others"/>.
/// </summary>
internal sealed class ScriptedRegionRestore(ITaskRouter others) : ITaskRouter
{
    private int _polls;

    public int Pages { get; init; } = 2;

    public ConcurrentQueue<string> Actions { get; } = new();

    public Task<TaskOutcome> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        if (call.Target.Handler != RegionRestoreSteps.Handler)
        {
            return others.InvokeAsync(call, cancellationToken);
        }

        var action = call.Input!["action"]!.GetValue<string>();
        Actions.Enqueue(action);
        var state = call.Input["state"]?.DeepClone().AsObject() ?? new JsonObject
        {
            ["runId"] = call.Input["runId"]?.GetValue<string>() ?? "dr-restore-extras-20261201-060000",
            ["backupId"] = call.Input["backupId"]?.GetValue<string>() ?? "ch-full-20261129-020000",
            ["catalogPages"] = 0,
        };
        var response = new JsonObject { ["action"] = action, ["more"] = false };
        switch (action)
        {
            case "start":
                state["progress"] = new JsonObject { ["state"] = "Running" };
                break;
            case "poll":
                state["progress"] = new JsonObject { ["state"] = Interlocked.Increment(ref _polls) >= 2 ? "Succeeded" : "Running" };
                break;
            case "verify":
                state["verification"] = new JsonObject { ["passed"] = true };
                break;
            case "catalog-page":
                var page = state["catalogPages"]!.GetValue<int>() + 1;
                state["catalogPages"] = page;
                response["tables"] = page == 1 ? new JsonArray(Table("events"), Table("users")) : new JsonArray(Table("orders"));
                response["more"] = page < Pages;
                break;
            case "topics":
                state["topics"] = new JsonArray("created events");
                break;
        }

        var running = state["progress"]?["state"]?.GetValue<string>() == "Running";
        state["running"] = running;
        response["state"] = state;
        response["running"] = running;
        return Task.FromResult(TaskOutcome.Success(response));
    }

    private static JsonObject Table(string name) => new()
    {
        ["Name"] = name,
        ["TableType"] = "EXTERNAL_TABLE",
        ["StorageDescriptor"] = new JsonObject { ["Location"] = $"s3://dqe-prod-lake/curated/{name}/" },
    };
}
