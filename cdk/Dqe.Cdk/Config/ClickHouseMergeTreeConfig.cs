namespace Dqe.Cdk.Config;

/// <summary>Server-wide MergeTree settings (the &lt;merge_tree&gt; section), bounded so a typo cannot stall inserts.</summary>
public sealed record ClickHouseMergeTreeConfig
{
    /// <summary>Active parts in a partition above which inserts are slowed (10-10000).</summary>
    public int PartsToDelayInsert { get; init; } = 150;

    /// <summary>Active parts in a partition above which inserts fail "too many parts" (above partsToDelayInsert, up to 20000).</summary>
    public int PartsToThrowInsert { get; init; } = 300;

    /// <summary>Active parts across all partitions of a table above which inserts fail (1000-1000000).</summary>
    public int MaxPartsInTotal { get; init; } = 100000;

    /// <summary>Largest merge result in GiB (1-1024): bounds merge duration and temporary disk use.</summary>
    public int MaxMergeSizeGib { get; init; } = 150;
}
