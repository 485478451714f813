namespace Dqe.Cdk.Config;

/// <summary>Kafka through the Strimzi operator: a KRaft cluster (no ZooKeeper), TLS listeners only.</summary>
public sealed record KafkaConfig
{
    /// <summary>Pinned strimzi-kafka-operator chart version (MAJOR.MINOR.PATCH).</summary>
    public string OperatorChartVersion { get; init; } = "0.45.0";

    /// <summary>Kafka version the operator runs (one it supports; 0.45 supports 3.8.x and 3.9.x).</summary>
    public string KafkaVersion { get; init; } = "3.9.0";

    /// <summary>Brokers (3-9), each also a KRaft controller; at least 3 so min.insync.replicas=2 survives a zone.</summary>
    public int Brokers { get; init; } = 3;

    /// <summary>Per broker container.</summary>
    public PodResourcesConfig Resources { get; init; } = new() { MemoryGib = 4, Cpu = 1 };

    /// <summary>gp3 log volume per broker in GiB (10-16384).</summary>
    public int StorageGib { get; init; } = 100;

    /// <summary>Topic the ingestion flow reads (created as a KafkaTopic).</summary>
    public string IngestionTopic { get; init; } = "events";

    /// <summary>Partitions of the ingestion topic (1-1000).</summary>
    public int IngestionPartitions { get; init; } = 12;
}
