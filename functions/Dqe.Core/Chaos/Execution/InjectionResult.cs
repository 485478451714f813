namespace Dqe.Core.Chaos.Execution;

/// <summary>What an injection created: Chaos Mesh object names, cordoned nodes, evicted pods.</summary>
public sealed record InjectionResult(IReadOnlyList<string> Objects, IReadOnlyList<string> CordonedNodes, IReadOnlyList<string> EvictedPods);
