using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dqe.Workflows.Local;

namespace Dqe.Workflows.Tests.TestHelpers;

/// <summary>
/// Plays <c>dqe.dr-drill</c> on the record JSON the real handler returns: 3 heartbeats, recovery on the second
/// check, <see cref="Passes"/> picks the measured verdict.
/// </summary>
internal sealed class ScriptedDrillHandler : ITaskRouter
{
    private int _checks;

    public bool Passes { get; init; } = true;

    public ConcurrentQueue<string> Actions { get; } = new();

    public JsonObject? LastFailBack { get; private set; }

    public Task<TaskOutcome> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        var action = call.Input!["action"]!.GetValue<string>();
        Actions.Enqueue(action);
        var record = call.Input["record"]?.DeepClone().AsObject();
        switch (action)
        {
            case "start":
                record = new JsonObject
                {
                    ["runId"] = "dr-replica-loss-20261125-030000",
                    ["dryRun"] = call.Input["dryRun"]!.GetValue<bool>(),
                    ["heartbeatsWritten"] = 0,
                    ["heartbeatsDone"] = false,
                };
                break;
            case "heartbeat":
                var written = record!["heartbeatsWritten"]!.GetValue<int>() + 1;
                record["heartbeatsWritten"] = written;
                record["heartbeatsDone"] = written >= 3;
                break;
            case "check":
                record!["recovered"] = Interlocked.Increment(ref _checks) >= 2;
                record["timedOut"] = false;
                break;
            case "measure":
                record!["result"] = new JsonObject { ["passed"] = Passes };
                break;
            case "fail-back":
                record!["failBackVerified"] = true;
                record["error"] = call.Input["error"]?.DeepClone();
                record["restore"] = call.Input["restore"]?.DeepClone();
                LastFailBack = record;
                break;
        }

        return Task.FromResult(TaskOutcome.Success(record));
    }
}
