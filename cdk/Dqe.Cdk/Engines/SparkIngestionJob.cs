using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Engines;

/// <summary>
/// The ingestion flow as a submittable SparkApplication: Kafka topic -> Parquet under the lake's curated prefix,
/// partitioned by day (dt=yyyy-MM-dd), into the location of a Glue table whose partitions are projected, so new
/// days are queryable from Trino without a metastore update. Runs as a batch over what is in the topic (availableNow).
/// </summary>
internal static class SparkIngestionJob
{
    public const string Name = "kafka-to-lake";
    public const string ConfigMapName = "spark-ingestion";
    public const string ScriptKey = "kafka_to_lake.py";
    public const string ApplicationKey = "kafka-to-lake.json";
    private const string JobsMount = "/opt/dqe/jobs";
    private const string CertsMount = "/opt/dqe/kafka-client";

    public static string TableLocation(LakeStore store, string table) => $"s3a://{store.LakeBucket}/{DataLake.CuratedPrefix}{table}/";

    /// <summary>The SparkApplication (spark-operator v1beta2) a user applies to run one ingestion pass.</summary>
    public static object Application(SparkConfig spark, KafkaConfig kafka, LakeStore store, string serviceAccount)
    {
        var env = new List<object>
        {
            new { name = "KAFKA_BOOTSTRAP", value = Kafka.Bootstrap },
            new { name = "KAFKA_TOPIC", value = kafka.IngestionTopic },
            new { name = "TABLE_LOCATION", value = TableLocation(store, spark.IngestionTable) },
            new { name = "CHECKPOINT_LOCATION", value = $"s3a://{store.LakeBucket}/{DataLake.CuratedPrefix}_checkpoints/{spark.IngestionTable}/" },
            Kube.SecretEnv("KAFKA_TRUSTSTORE_PASSWORD", SecretsSync.KafkaClientTarget, "ca.password"),
            Kube.SecretEnv("KAFKA_KEYSTORE_PASSWORD", SecretsSync.KafkaClientTarget, "user.password"),
        };
        var conf = new Dictionary<string, string>
        {
            ["spark.dynamicAllocation.enabled"] = "true",
            // No external shuffle service on Kubernetes: executors holding shuffle data are kept until it is unused.
            ["spark.dynamicAllocation.shuffleTracking.enabled"] = "true",
            ["spark.dynamicAllocation.minExecutors"] = Kube.Int(spark.MinExecutors),
            ["spark.dynamicAllocation.maxExecutors"] = Kube.Int(spark.MaxExecutors),
            ["spark.jars.ivy"] = "/tmp/.ivy2",
            ["spark.sql.sources.partitionOverwriteMode"] = "dynamic",
        };
        if (store.IsMinIo)
        {
            conf["spark.hadoop.fs.s3a.endpoint"] = store.Endpoint!;
            conf["spark.hadoop.fs.s3a.path.style.access"] = "true";
            conf["spark.hadoop.fs.s3a.aws.credentials.provider"] = "com.amazonaws.auth.EnvironmentVariableCredentialsProvider";
            env.Add(Kube.SecretEnv("AWS_ACCESS_KEY_ID", LakeStore.CredentialsSecret, "accessKey"));
            env.Add(Kube.SecretEnv("AWS_SECRET_ACCESS_KEY", LakeStore.CredentialsSecret, "secretKey"));
        }
        else
        {
            // IRSA: the web identity token of the service account, never keys.
            conf["spark.hadoop.fs.s3a.aws.credentials.provider"] = "com.amazonaws.auth.WebIdentityTokenCredentialsProvider";
            conf["spark.hadoop.fs.s3a.endpoint.region"] = store.Region;
        }

        var mounts = new[] { new { name = "jobs", mountPath = JobsMount }, new { name = "kafka-client", mountPath = CertsMount } };
        return new
        {
            apiVersion = "sparkoperator.k8s.io/v1beta2",
            kind = "SparkApplication",
            metadata = new { name = Name, @namespace = EngineNamespaces.Spark },
            spec = new
            {
                type = "Python",
                pythonVersion = "3",
                mode = "cluster",
                image = spark.Image,
                sparkVersion = spark.SparkVersion,
                mainApplicationFile = $"local://{JobsMount}/{ScriptKey}",
                deps = new
                {
                    packages = new[] { $"org.apache.spark:spark-sql-kafka-0-10_2.12:{spark.SparkVersion}", "org.apache.hadoop:hadoop-aws:3.3.4" },
                },
                sparkConf = conf,
                dynamicAllocation = new { enabled = true, minExecutors = spark.MinExecutors, maxExecutors = spark.MaxExecutors },
                restartPolicy = new { type = "OnFailure", onFailureRetries = 2, onFailureRetryInterval = 60 },
                volumes = new object[]
                {
                    new { name = "jobs", configMap = new { name = ConfigMapName } },
                    new { name = "kafka-client", secret = new { secretName = SecretsSync.KafkaClientTarget } },
                },
                driver = Role(spark.Driver, serviceAccount, env, mounts),
                executor = Role(spark.Executor, serviceAccount, env, mounts),
            },
        };
    }

    /// <summary>PySpark job: read the topic, keep key/value/metadata as columns, append day-partitioned Parquet.</summary>
    public static string Script() => string.Join('\n',
        "import os",
        "from pyspark.sql import SparkSession, functions as F",
        "",
        "spark = SparkSession.builder.appName('kafka-to-lake').getOrCreate()",
        "source = (spark.readStream.format('kafka')",
        "    .option('kafka.bootstrap.servers', os.environ['KAFKA_BOOTSTRAP'])",
        "    .option('subscribe', os.environ['KAFKA_TOPIC'])",
        "    .option('startingOffsets', 'earliest')",
        "    .option('kafka.security.protocol', 'SSL')",
        $"    .option('kafka.ssl.truststore.location', '{CertsMount}/ca.p12')",
        "    .option('kafka.ssl.truststore.type', 'PKCS12')",
        "    .option('kafka.ssl.truststore.password', os.environ['KAFKA_TRUSTSTORE_PASSWORD'])",
        $"    .option('kafka.ssl.keystore.location', '{CertsMount}/user.p12')",
        "    .option('kafka.ssl.keystore.type', 'PKCS12')",
        "    .option('kafka.ssl.keystore.password', os.environ['KAFKA_KEYSTORE_PASSWORD'])",
        "    .load())",
        "rows = source.select(",
        "    F.col('key').cast('string').alias('key'),",
        "    F.col('value').cast('string').alias('value'),",
        "    F.col('topic'),",
        "    F.col('partition').alias('kafka_partition'),",
        "    F.col('offset').alias('kafka_offset'),",
        "    F.col('timestamp').alias('event_time'),",
        "    F.date_format('timestamp', 'yyyy-MM-dd').alias('dt'))",
        "query = (rows.writeStream.format('parquet')",
        "    .option('path', os.environ['TABLE_LOCATION'])",
        "    .option('checkpointLocation', os.environ['CHECKPOINT_LOCATION'])",
        "    .partitionBy('dt')",
        "    .trigger(availableNow=True)",
        "    .start())",
        "query.awaitTermination()",
        "");

    private static object Role(PodResourcesConfig resources, string serviceAccount, IReadOnlyList<object> env, object volumeMounts) => new
    {
        cores = (int)Math.Ceiling(resources.Cpu),
        memory = $"{resources.MemoryGib * 1024 * 8 / 10}m",
        // Spark adds memoryOverhead on top of memory; together they fill the configured container size.
        memoryOverhead = $"{resources.MemoryGib * 1024 * 2 / 10}m",
        serviceAccount,
        nodeSelector = Kube.AnalyticsNodeSelector,
        tolerations = Kube.AnalyticsTolerations,
        env,
        volumeMounts,
    };
}
