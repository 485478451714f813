namespace Dqe.Cdk.Config;

/// <summary>One Trino resource group (a sub-group of <c>global</c> in resource-groups.json).</summary>
public sealed record TrinoResourceGroupConfig
{
    /// <summary>Queries of the group running at once (1-1000, hardConcurrencyLimit); more wait in its queue.</summary>
    public int HardConcurrencyLimit { get; init; } = 10;

    /// <summary>Queries that may wait (1-10000, maxQueued); beyond that new queries are rejected.</summary>
    public int MaxQueued { get; init; } = 100;

    /// <summary>
    /// Distributed memory the group's running queries may hold before its new queries queue (softMemoryLimit), in GiB;
    /// at most the workers' query memory at the HPA floor (workers x query.max-memory-per-node).
    /// </summary>
    public int MemoryGib { get; init; } = 2;

    /// <summary>Share of the cluster when groups compete (1-100, schedulingWeight under the weighted policy).</summary>
    public int SchedulingWeight { get; init; } = 1;
}
