using Amazon.CDK.AWS.EKS;
using Constructs;

namespace Dqe.Cdk.Engines;

/// <param name="Cluster">The cluster to create the namespaces in.</param>
/// <param name="WithMinIo">Also create the minio namespace (lake.store = minio).</param>
public sealed record EngineNamespacesProps(ICluster Cluster, bool WithMinIo);

/// <summary>
/// One namespace per engine, labelled so NetworkPolicies and Pod Security admission can select them. Everything
/// an engine owns (operator, custom resources, service accounts) lives in its namespace.
/// </summary>
public sealed class EngineNamespaces : Construct
{
    public const string Trino = "trino";
    public const string ClickHouse = "clickhouse";
    public const string Spark = "spark";
    public const string Kafka = "kafka";
    public const string MinIo = "minio";
    public const string CertManager = "cert-manager";
    public const string Vpa = "vpa";

    /// <summary>Label naming the engine a namespace belongs to.</summary>
    public const string EngineLabel = "dqe.io/engine";

    public EngineNamespaces(Construct scope, string id, EngineNamespacesProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Names = props.WithMinIo ? [Trino, ClickHouse, Spark, Kafka, MinIo] : [Trino, ClickHouse, Spark, Kafka];
        Manifest = Kube.Apply(this, "Manifest", props.Cluster,
        [
            .. Names.Select(name => (object)new
            {
                apiVersion = "v1",
                kind = "Namespace",
                metadata = new
                {
                    name,
                    labels = Kube.Labels(
                        (EngineLabel, name),
                        // Engines need no privileged features; baseline blocks host namespaces and privileged pods.
                        ("pod-security.kubernetes.io/enforce", "baseline"),
                        ("pod-security.kubernetes.io/warn", "restricted")),
                },
            }),
            new { apiVersion = "v1", kind = "Namespace", metadata = new { name = CertManager } },
            new { apiVersion = "v1", kind = "Namespace", metadata = new { name = Vpa } },
        ]);
    }

    /// <summary>The engine namespaces (not the cert-manager one), each under default-deny NetworkPolicies.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Everything namespaced depends on this.</summary>
    public KubernetesManifest Manifest { get; }
}
