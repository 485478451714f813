namespace Dqe.Cdk.Config;

/// <summary>The Kubeflow Spark Operator and the defaults of the applications it runs.</summary>
public sealed record SparkConfig
{
    /// <summary>Pinned spark-operator chart version (MAJOR.MINOR.PATCH).</summary>
    public string OperatorChartVersion { get; init; } = "2.1.0";

    /// <summary>Spark image with an explicit version tag.</summary>
    public string Image { get; init; } = "apache/spark:3.5.3";

    /// <summary>Spark version of the image, also the version of the Kafka connector package (3.x.y).</summary>
    public string SparkVersion { get; init; } = "3.5.3";

    /// <summary>Dynamic allocation floor (0-maxExecutors).</summary>
    public int MinExecutors { get; init; }

    /// <summary>Dynamic allocation ceiling (1-200).</summary>
    public int MaxExecutors { get; init; } = 10;

    /// <summary>Per executor (cores = CPU rounded up).</summary>
    public PodResourcesConfig Executor { get; init; } = new() { MemoryGib = 4, Cpu = 2 };

    public PodResourcesConfig Driver { get; init; } = new() { MemoryGib = 2, Cpu = 1 };

    /// <summary>Lake table (under curated/) the ingestion job writes and registers in Glue.</summary>
    public string IngestionTable { get; init; } = "events";
}
