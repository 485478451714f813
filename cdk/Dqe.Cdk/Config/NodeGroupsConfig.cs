namespace Dqe.Cdk.Config;

/// <summary>The two managed node groups: general (system and light services) and analytics (query engines, tainted).</summary>
public sealed record NodeGroupsConfig
{
    public NodeGroupConfig General { get; init; } = new()
    {
        InstanceTypes = ["m5.large", "m5.xlarge"],
        MinSize = 2,
        MaxSize = 6,
        DiskSizeGb = 100,
    };

    public NodeGroupConfig Analytics { get; init; } = new()
    {
        InstanceTypes = ["r5.xlarge", "r5.2xlarge"],
        MinSize = 3,
        MaxSize = 12,
        DiskSizeGb = 200,
    };
}
