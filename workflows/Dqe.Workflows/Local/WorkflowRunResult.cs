using System.Text.Json.Nodes;

namespace Dqe.Workflows.Local;

/// <summary>How a local execution ended, and everything it did on the way.</summary>
public sealed record WorkflowRunResult(string Status, JsonNode? Output, string? Error, string? Cause, IReadOnlyList<WorkflowEvent> Events)
{
    public bool Succeeded => Status == "SUCCEEDED";

    /// <summary>
    /// State transitions, as Step Functions Standard bills them: one per state entered (Map iterations and
    /// Parallel branches included) plus one per retry attempt.
    /// </summary>
    public int Transitions => Events.Count(e => e.Type is "StateEntered" or "StateRetried");

    /// <summary>Map iterations started, over every Map state of the execution.</summary>
    public int MapIterations => Events.Count(e => e.Type == "MapIterationStarted");

    /// <summary>Names of the states entered, in order.</summary>
    public IReadOnlyList<string> Path => [.. Events.Where(e => e.Type == "StateEntered").Select(e => e.State!)];
}
