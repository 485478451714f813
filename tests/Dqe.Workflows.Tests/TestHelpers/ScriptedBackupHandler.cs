using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dqe.Workflows.Local;

namespace Dqe.Workflows.Tests.TestHelpers;

/// <summary>
/// Plays <c>dqe.backup</c> with the response shapes of the real handler: the backup and the restore each
/// report running on their first poll; <see cref="VerificationPasses"/> and <see cref="BackupCreated"/> pick the outcome.
/// </summary>
internal sealed class ScriptedBackupHandler : ITaskRouter
{
    private int _polls;

    public bool VerificationPasses { get; init; } = true;

    public bool BackupCreated { get; init; } = true;

    /// <summary>Backup ids the retention step reports deleted.</summary>
    public IReadOnlyList<string> Expired { get; init; } = [];

    public ConcurrentQueue<string> Actions { get; } = new();

    public ConcurrentQueue<JsonNode> Inputs { get; } = new();

    public Task<TaskOutcome> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        var action = call.Input!["action"]!.GetValue<string>();
        Actions.Enqueue(action);
        Inputs.Enqueue(call.Input.DeepClone());
        var outcome = action switch
        {
            "plan" => Success(action, new JsonObject { ["plan"] = new JsonObject { ["id"] = "ch-full-20261122-020000", ["kind"] = "Full" } }),
            "start" => Success(action, Progress("ch-full-20261122-020000", "Running")),
            "verify-start" => Success(action, Progress("ch-full-20261122-020000-verify", "Running")),
            "poll" => Success(action, Progress(call.Input["progress"]!["operationId"]!.GetValue<string>(), Interlocked.Increment(ref _polls) % 2 == 1 ? "Running" : "Succeeded")),
            "complete" => Success(action, new JsonObject { ["manifest"] = new JsonObject { ["state"] = BackupCreated ? "Succeeded" : "Failed", ["error"] = BackupCreated ? "" : "BACKUP_FAILED: disk full" } }),
            "verify-finish" => Success(action, new JsonObject
            {
                ["manifest"] = new JsonObject
                {
                    ["usable"] = VerificationPasses,
                    ["verification"] = new JsonObject { ["problems"] = VerificationPasses ? new JsonArray() : new JsonArray("a.events: expected 500 rows") },
                },
            }),
            "mark-failed" => Success(action, new JsonObject()),
            "retention" => Success(action, new JsonObject { ["deleted"] = new JsonArray([.. Expired.Select(e => (JsonNode?)e)]) }),
            "save-catalog" => Success(action, new JsonObject
            {
                ["saved"] = $"glue-tables-{call.Input["page"]!.GetValue<int>():D4}.json",
                ["count"] = call.Input["tables"]!.AsArray().Count,
            }),
            "export-topics" => Success(action, new JsonObject { ["saved"] = "kafka-topics.json", ["count"] = 3 }),
            var other => TaskOutcome.Failure("Dqe.UnknownAction", other),
        };
        return Task.FromResult(outcome);
    }

    private static JsonObject Progress(string id, string state) =>
        new() { ["progress"] = new JsonObject { ["operationId"] = id, ["state"] = state }, ["running"] = state == "Running" };

    private static TaskOutcome Success(string action, JsonObject body)
    {
        body["action"] = action;
        return TaskOutcome.Success(body);
    }
}
