namespace Dqe.Cdk.Config;

/// <summary>Memory and CPU of one engine container: its limits, and (for memory) its request.</summary>
public sealed record PodResourcesConfig
{
    /// <summary>Memory in GiB (1-256): request and limit, so the pod is never overcommitted on memory.</summary>
    public int MemoryGib { get; init; } = 4;

    /// <summary>CPU cores (0.5-64): the limit; the request is a fraction of it so the pod fits a node of that many vCPUs.</summary>
    public double Cpu { get; init; } = 2;
}
