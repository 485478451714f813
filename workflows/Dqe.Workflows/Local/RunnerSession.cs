using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dqe.Workflows.Local;

/// <summary>One conversation with the node bridge: answers task messages (concurrently, for Map states) and collects events.</summary>
internal sealed class RunnerSession(LocalWorkflow workflow, ITaskRouter router, StreamWriter stdin, Action<WorkflowEvent>? onEvent)
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly List<WorkflowEvent> _events = [];
    private readonly List<Task> _inFlight = [];

    public IReadOnlyList<WorkflowEvent> Events => _events;

    public async Task<WorkflowRunResult?> PumpAsync(StreamReader stdout, CancellationToken cancellationToken)
    {
        while (await stdout.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            var message = JsonNode.Parse(line)!.AsObject();
            switch (message["type"]!.GetValue<string>())
            {
                case "task":
                    _inFlight.Add(AnswerAsync(message, cancellationToken));
                    break;
                case "event":
                    var entry = ToEvent(message["event"]!.AsObject());
                    _events.Add(entry);
                    onEvent?.Invoke(entry);
                    break;
                case "done":
                    await Task.WhenAll(_inFlight).ConfigureAwait(false);
                    return new WorkflowRunResult(
                        message["status"]!.GetValue<string>(),
                        message["output"]?.DeepClone(),
                        Text(message["error"]),
                        Text(message["cause"]),
                        _events);
            }
        }

        return null;
    }

    private async Task AnswerAsync(JsonObject message, CancellationToken cancellationToken)
    {
        var state = message["state"]!.GetValue<string>();
        TaskOutcome outcome;
        try
        {
            outcome = await router.InvokeAsync(new TaskCall(state, workflow.Tasks[state], message["input"]?.DeepClone()), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A router bug must fail the state (and show), not hang the execution.
            outcome = TaskOutcome.Failure("Dqe.RouterError", e.Message);
        }

        var reply = new JsonObject { ["id"] = message["id"]!.GetValue<int>() };
        if (outcome.Failed)
        {
            reply["error"] = outcome.Error;
            reply["cause"] = outcome.Cause ?? "";
        }
        else
        {
            reply["output"] = outcome.Output?.DeepClone();
        }

        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await stdin.WriteLineAsync(reply.ToJsonString().AsMemory(), cancellationToken).ConfigureAwait(false);
            await stdin.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToJsonString();

    private static WorkflowEvent ToEvent(JsonObject e) => new(
        e["type"]!.GetValue<string>(),
        e["state"]?["name"]?.GetValue<string>(),
        e["state"]?["type"]?.GetValue<string>(),
        e["timestamp"]?.GetValueKind() == JsonValueKind.Number ? e["timestamp"]!.GetValue<long>() : 0,
        Text(e["Error"]),
        Text(e["Cause"]),
        e["state"]?["output"]?.DeepClone());
}
