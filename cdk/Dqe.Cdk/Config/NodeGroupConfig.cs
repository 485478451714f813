namespace Dqe.Cdk.Config;

/// <summary>One managed node group. Sizes are bounds for the Cluster Autoscaler; the desired size starts at the minimum.</summary>
public sealed record NodeGroupConfig
{
    /// <summary>EC2 instance types, all of one family so pods fit any of them.</summary>
    public IReadOnlyList<string> InstanceTypes { get; init; } = [];

    /// <summary>Minimum nodes (0-100).</summary>
    public int MinSize { get; init; }

    /// <summary>Maximum nodes (minSize-100).</summary>
    public int MaxSize { get; init; }

    /// <summary>Root gp3 volume per node in GiB (100-500): images, logs and engine spill space.</summary>
    public int DiskSizeGb { get; init; } = 100;

    /// <summary>Spot capacity. Allowed only for the non-critical general group: engines keep state on analytics nodes.</summary>
    public bool Spot { get; init; }
}
