namespace Dqe.Core.Chaos.Execution;

/// <summary>A node a run will cordon, and the pods it will evict from it (engine namespaces only).</summary>
public sealed record PlannedNodeAction(string Fault, string Node, string? Zone, IReadOnlyList<string> Evictions);
