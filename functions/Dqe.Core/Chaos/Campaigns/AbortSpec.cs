namespace Dqe.Core.Chaos.Campaigns;

/// <summary>When to stop a run early while faults are active, and how often to look.</summary>
public sealed record AbortSpec(IReadOnlyList<AbortCondition> When, string PollInterval = "15s");
