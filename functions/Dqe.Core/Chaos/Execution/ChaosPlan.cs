namespace Dqe.Core.Chaos.Execution;

/// <summary>Everything a run will change, computed before anything is changed; a dry run prints it.</summary>
public sealed record ChaosPlan(
    string RunId,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<PlannedObject> Objects,
    IReadOnlyList<PlannedNodeAction> NodeActions,
    int TargetPods,
    int AffectedPods);
