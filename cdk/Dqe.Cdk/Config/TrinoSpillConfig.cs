namespace Dqe.Cdk.Config;

/// <summary>
/// Spill to disk: joins, aggregations and sorts that outgrow query memory write to a node-local volume instead of
/// failing. The volume is an emptyDir on the analytics node's disk, capped at <see cref="VolumeGib"/>.
/// </summary>
public sealed record TrinoSpillConfig
{
    public bool Enabled { get; init; } = true;

    /// <summary>Size cap of the spill volume per Trino pod in GiB (1-500); the pod is evicted beyond it.</summary>
    public int VolumeGib { get; init; } = 25;

    /// <summary>Spill all queries may write on one node in GiB (max-spill-per-node), at most volumeGib.</summary>
    public int MaxPerNodeGib { get; init; } = 20;

    /// <summary>Spill one query may write on one node in GiB (query-max-spill-per-node), at most maxPerNodeGib.</summary>
    public int QueryMaxPerNodeGib { get; init; } = 10;
}
