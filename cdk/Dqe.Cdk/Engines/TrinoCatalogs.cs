using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Engines;

/// <summary>Trino catalog property files, generated from config: hive (Glue + S3/MinIO), tpch, tpcds, kafka, postgresql.</summary>
internal static class TrinoCatalogs
{
    public const string KafkaClientMount = "/etc/trino/kafka-client";

    public static IReadOnlyDictionary<string, string> Build(TrinoConfig trino, LakeStore store, string region) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["hive"] = Properties([.. Hive(store, region), .. TrinoTuning.HiveCaching(trino.Cache)]),
        ["tpch"] = Properties(("connector.name", "tpch"), ("tpch.splits-per-node", "4")),
        ["tpcds"] = Properties(("connector.name", "tpcds"), ("tpcds.splits-per-node", "4")),
        ["kafka"] = Properties(
            ("connector.name", "kafka"),
            ("kafka.nodes", Kafka.Bootstrap),
            ("kafka.table-names", string.Join(',', trino.KafkaTables)),
            ("kafka.hide-internal-columns", "false"),
            ("kafka.security-protocol", "SSL"),
            ("kafka.ssl.truststore.location", $"{KafkaClientMount}/ca.p12"),
            ("kafka.ssl.truststore.type", "PKCS12"),
            ("kafka.ssl.truststore.password", "${ENV:KAFKA_TRUSTSTORE_PASSWORD}"),
            // Mutual TLS: the listener authenticates Trino by the certificate Strimzi issued to KafkaUser "trino".
            ("kafka.ssl.keystore.location", $"{KafkaClientMount}/user.p12"),
            ("kafka.ssl.keystore.type", "PKCS12"),
            ("kafka.ssl.keystore.password", "${ENV:KAFKA_KEYSTORE_PASSWORD}")),
        ["postgresql"] = Properties(
            ("connector.name", "postgresql"),
            ("connection-url", $"jdbc:postgresql://{trino.Postgres.Host}:{trino.Postgres.Port}/{trino.Postgres.Database}?sslmode=require"),
            ("connection-user", trino.Postgres.User),
            // Resolved by Trino from the environment, which comes from a synced secret.
            ("connection-password", "${ENV:POSTGRES_PASSWORD}")),
    };

    private static (string, string)[] Hive(LakeStore store, string region)
    {
        List<(string, string)> hive =
        [
            ("connector.name", "hive"),
            ("hive.metastore", "glue"),
            ("hive.metastore.glue.region", region),
            ("hive.metastore.glue.default-warehouse-dir", $"s3://{store.LakeBucket}/{DataLake.CuratedPrefix}"),
            // Parquet for new tables; existing ORC and JSON tables are read by their own format.
            ("hive.storage-format", "PARQUET"),
            ("hive.non-managed-table-writes-enabled", "true"),
            ("hive.partition-projection-enabled", "true"),
            ("fs.native-s3.enabled", "true"),
            ("s3.region", store.Region),
        ];
        if (store.IsMinIo)
        {
            hive.Add(("s3.endpoint", store.Endpoint!));
            hive.Add(("s3.path-style-access", "true"));
            hive.Add(("s3.aws-access-key", "${ENV:MINIO_ACCESS_KEY}"));
            hive.Add(("s3.aws-secret-key", "${ENV:MINIO_SECRET_KEY}"));
        }

        // With S3 no key is configured: the native S3 file system uses the pod's IRSA web identity.
        return [.. hive];
    }

    private static string Properties(params (string Key, string Value)[] entries) =>
        string.Concat(entries.Select(e => $"{e.Key}={e.Value}\n"));
}
