namespace Dqe.Core.Chaos.Cluster;

/// <summary>A node: its zone, whether it is cordoned, and the Dqe run labels/annotations on it.</summary>
public sealed record NodeRef(string Name, string? Zone, bool Unschedulable, string? RunId, DateTimeOffset? ExpiresAt);
