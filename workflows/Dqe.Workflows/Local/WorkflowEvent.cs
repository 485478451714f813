using System.Text.Json.Nodes;

namespace Dqe.Workflows.Local;

/// <summary>One entry of the execution event log (StateEntered, StateExited, StateFailed, StateRetried, ...).</summary>
/// <param name="Type">The event type as aws-local-stepfunctions names it.</param>
/// <param name="State">The state's name, for state events.</param>
/// <param name="StateType">Task, Choice, Wait, Map, ...</param>
/// <param name="Timestamp">When it happened (Unix ms, the runner's clock).</param>
/// <param name="Error">Error name for failure events.</param>
/// <param name="Cause">Error cause for failure events.</param>
/// <param name="Output">State output for StateExited events.</param>
public sealed record WorkflowEvent(string Type, string? State, string? StateType, long Timestamp, string? Error, string? Cause, JsonNode? Output);
