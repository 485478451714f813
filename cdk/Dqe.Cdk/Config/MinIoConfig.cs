namespace Dqe.Cdk.Config;

/// <summary>MinIO, deployed only when lake.store = minio (clusters without S3).</summary>
public sealed record MinIoConfig
{
    /// <summary>Pinned chart version of charts.min.io (MAJOR.MINOR.PATCH).</summary>
    public string ChartVersion { get; init; } = "5.4.0";

    /// <summary>Servers of the distributed deployment (4-16, a multiple of 2 for erasure coding).</summary>
    public int Servers { get; init; } = 4;

    /// <summary>gp3 volume per server in GiB (10-16384).</summary>
    public int VolumeGib { get; init; } = 500;

    public PodResourcesConfig Resources { get; init; } = new() { MemoryGib = 4, Cpu = 1 };
}
