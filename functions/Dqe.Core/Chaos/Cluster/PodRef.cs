namespace Dqe.Core.Chaos.Cluster;

/// <summary>A pod as the chaos code needs it: where it runs and whether it is one a drain may evict.</summary>
public sealed record PodRef(string Namespace, string Name, string? NodeName, bool OwnedByDaemonSet);
