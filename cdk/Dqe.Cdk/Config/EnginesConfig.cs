namespace Dqe.Cdk.Config;

/// <summary>The query engines and data services deployed on EKS (cdk.json key <c>engines</c>), each in its own namespace.</summary>
public sealed record EnginesConfig
{
    public TrinoConfig Trino { get; init; } = new();

    public ClickHouseConfig ClickHouse { get; init; } = new();

    public SparkConfig Spark { get; init; } = new();

    public KafkaConfig Kafka { get; init; } = new();

    public MinIoConfig MinIo { get; init; } = new();

    public MonitoringConfig Monitoring { get; init; } = new();

    /// <summary>Vertical Pod Autoscaler recommendations for the engines' pods.</summary>
    public VpaConfig Vpa { get; init; } = new();

    /// <summary>Pinned cert-manager chart version (charts.jetstack.io, v-prefixed): issues the engines' TLS certificates.</summary>
    public string CertManagerChartVersion { get; init; } = "v1.16.2";

    /// <summary>Pinned external-dns chart version (kubernetes-sigs): publishes the engines' VPC names in the private zone.</summary>
    public string ExternalDnsChartVersion { get; init; } = "1.15.0";

    /// <summary>People's own engine users (Trino and ClickHouse), each with a role; empty = only the automation user.</summary>
    public IReadOnlyList<EngineUserConfig> Users { get; init; } = [];
}
