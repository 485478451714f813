using System.Text.Json.Nodes;

namespace Dqe.Workflows.Local;

/// <summary>Answers the Task states of a local execution: real handlers, fakes of AWS APIs, injected failures.</summary>
public interface ITaskRouter
{
    /// <summary>Runs one task. Failures are returned as an outcome with an error name, never thrown.</summary>
    Task<TaskOutcome> InvokeAsync(TaskCall call, CancellationToken cancellationToken);
}

/// <summary>One Task state being executed: its name, what it calls, and its effective input.</summary>
public sealed record TaskCall(string State, TaskTarget Target, JsonNode? Input);

/// <summary>A task's result: an output, or an error name (matched by Retry/Catch) with its cause.</summary>
public sealed record TaskOutcome(JsonNode? Output, string? Error = null, string? Cause = null)
{
    public bool Failed => Error is not null;

    public static TaskOutcome Success(JsonNode? output) => new(output);

    public static TaskOutcome Failure(string error, string cause) => new(null, error, cause);
}
