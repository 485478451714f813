using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dqe.Workflows.Local;

namespace Dqe.Workflows.Tests.TestHelpers;

/// <summary>Handlers of the probe workflow: prepare lists items, poll is ready on its second call, items double.</summary>
internal sealed class ScriptedHandlers : ITaskRouter
{
    private int _polls;

    public ConcurrentQueue<string> Invoked { get; } = new();

    public Task<TaskOutcome> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        Invoked.Enqueue(call.Target.Handler!);
        var outcome = call.Target.Handler switch
        {
            "test.prepare" => TaskOutcome.Success(new JsonObject { ["items"] = new JsonArray(1, 2, 3), ["volume"] = "vol-0abc" }),
            "test.poll" => TaskOutcome.Success(new JsonObject { ["done"] = Interlocked.Increment(ref _polls) >= 2 }),
            "test.item" => TaskOutcome.Success(JsonValue.Create(call.Input!.GetValue<int>() * 2)),
            "test.rollback" => TaskOutcome.Success(new JsonObject { ["rolledBack"] = true }),
            var other => TaskOutcome.Failure("Dqe.UnknownHandler", $"no scripted handler {other}"),
        };
        return Task.FromResult(outcome);
    }
}
