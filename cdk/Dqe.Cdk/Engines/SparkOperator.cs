using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.Glue;
using Constructs;
using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Engines;

/// <param name="Context">Cluster, namespaces, secret sync, environment.</param>
/// <param name="Config">Operator version, image, dynamic allocation bounds, executor sizes.</param>
/// <param name="Kafka">Topic the ingestion flow reads.</param>
/// <param name="Lake">Lake prefixes and Glue database the applications use.</param>
/// <param name="Store">S3 or MinIO.</param>
public sealed record SparkOperatorProps(EngineContext Context, SparkConfig Config, KafkaConfig Kafka, DataLake Lake, LakeStore Store);

/// <summary>
/// The Kubeflow Spark Operator running applications in the spark namespace as a service account on IRSA
/// (raw/ read, curated/ read-write, Glue catalog), plus the ingestion flow: its Glue table and a ConfigMap
/// holding the job script and the SparkApplication a user submits.
/// </summary>
public sealed class SparkOperator : Construct
{
    public const string ServiceAccountName = "spark";
    public const int MetricsPort = 8080;

    public SparkOperator(Construct scope, string id, SparkOperatorProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var config = props.Config;
        var ns = EngineNamespaces.Spark;

        ServiceAccount = props.Context.ServiceAccount(this, ns, ServiceAccountName);
        EngineContext.GrantLakeTransform(props.Lake, ServiceAccount);

        Operator = Kube.Chart(this, "Operator", props.Context.Cluster,
            new HelmRelease("spark-operator", "https://kubeflow.github.io/spark-operator", config.OperatorChartVersion, ns, "spark-operator"),
            new SparkOperatorValues(
                new SparkOperatorValues.SparkValues([ns], new SparkOperatorValues.AccountValues(Create: false, ServiceAccountName), new SparkOperatorValues.RbacValues(true)),
                new SparkOperatorValues.ComponentValues(1, Kube.GeneralNodeSelector),
                new SparkOperatorValues.WebhookValues(true, Kube.GeneralNodeSelector),
                new SparkOperatorValues.PrometheusValues(
                    new SparkOperatorValues.MetricsValues(true, MetricsPort),
                    new SparkOperatorValues.PodMonitorValues(props.Context.Monitoring.ServiceMonitors,
                        new Dictionary<string, string> { ["release"] = props.Context.Monitoring.ReleaseLabel }))));
        Operator.Node.AddDependency(ServiceAccount);

        var kafkaClient = props.Context.Secrets.SyncKafkaClient(this, ns, Kafka.SparkUser);
        props.Context.Secrets.SyncMinIoKeys(this, ns, props.Store);

        Application = SparkIngestionJob.Application(config, props.Kafka, props.Store, ServiceAccountName);
        Ingestion = Kube.Apply(this, "Ingestion", props.Context.Cluster, new
        {
            apiVersion = "v1",
            kind = "ConfigMap",
            metadata = new { name = SparkIngestionJob.ConfigMapName, @namespace = ns },
            data = new Dictionary<string, string>
            {
                [SparkIngestionJob.ScriptKey] = SparkIngestionJob.Script(),
                // Stored, not applied: submitting starts a run, which is the user's call.
                [SparkIngestionJob.ApplicationKey] = Kube.ConfigFile(HelmValues.From(Application)),
            },
        });
        Ingestion.Node.AddDependency(props.Context.Namespaces.Manifest);
        Ingestion.Node.AddDependency(kafkaClient);

        IngestionTable = IngestionGlueTable(props);
    }

    public ServiceAccount ServiceAccount { get; }

    public HelmChart Operator { get; }

    /// <summary>ConfigMap with the job script and the SparkApplication to submit.</summary>
    public KubernetesManifest Ingestion { get; }

    /// <summary>The Glue table the ingestion flow fills.</summary>
    public CfnTable IngestionTable { get; }

    internal object Application { get; }

    private CfnTable IngestionGlueTable(SparkOperatorProps props)
    {
        var location = $"s3://{props.Store.LakeBucket}/{DataLake.CuratedPrefix}{props.Config.IngestionTable}/";
        return new CfnTable(this, "IngestionTable", new CfnTableProps
        {
            CatalogId = Stack.Of(this).Account,
            DatabaseName = props.Lake.GlueDatabaseName,
            TableInput = new CfnTable.TableInputProperty
            {
                Name = props.Config.IngestionTable,
                Description = $"Kafka topic '{props.Kafka.IngestionTopic}' as ingested by the {SparkIngestionJob.Name} Spark application",
                TableType = "EXTERNAL_TABLE",
                Parameters = new Dictionary<string, object>
                {
                    ["classification"] = "parquet",
                    ["EXTERNAL"] = "TRUE",
                    // Partition projection: each day's directory is a partition without registering it.
                    ["projection.enabled"] = "true",
                    ["projection.dt.type"] = "date",
                    ["projection.dt.format"] = "yyyy-MM-dd",
                    ["projection.dt.range"] = "2024-01-01,NOW",
                    ["projection.dt.interval"] = "1",
                    ["projection.dt.interval.unit"] = "DAYS",
                    ["storage.location.template"] = location + "dt=${dt}/",
                },
                PartitionKeys = new object[] { new CfnTable.ColumnProperty { Name = "dt", Type = "string" } },
                StorageDescriptor = new CfnTable.StorageDescriptorProperty
                {
                    Location = location,
                    InputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                    OutputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
                    SerdeInfo = new CfnTable.SerdeInfoProperty { SerializationLibrary = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe" },
                    Columns = new object[]
                    {
                        new CfnTable.ColumnProperty { Name = "key", Type = "string" },
                        new CfnTable.ColumnProperty { Name = "value", Type = "string" },
                        new CfnTable.ColumnProperty { Name = "topic", Type = "string" },
                        new CfnTable.ColumnProperty { Name = "kafka_partition", Type = "int" },
                        new CfnTable.ColumnProperty { Name = "kafka_offset", Type = "bigint" },
                        new CfnTable.ColumnProperty { Name = "event_time", Type = "timestamp" },
                    },
                },
            },
        });
    }
}
