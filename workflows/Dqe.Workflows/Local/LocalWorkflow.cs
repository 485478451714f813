using System.Text.Json.Nodes;

namespace Dqe.Workflows.Local;

/// <summary>A state machine extracted from a synthesized template, ready to run locally.</summary>
/// <param name="Name">The state machine name (dqe-ENV-WORKFLOW).</param>
/// <param name="Definition">The ASL with every CloudFormation token resolved.</param>
/// <param name="Tasks">Every Task state (Map and Parallel branches included) and what it calls.</param>
/// <param name="WaitStates">Every Wait state, so waits can be shortened.</param>
public sealed record LocalWorkflow(string Name, JsonObject Definition, IReadOnlyDictionary<string, TaskTarget> Tasks, IReadOnlyList<string> WaitStates);
