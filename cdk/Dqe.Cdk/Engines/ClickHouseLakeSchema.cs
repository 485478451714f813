using System.Security.Cryptography;
using System.Text;
using Dqe.Cdk.Config;

namespace Dqe.Cdk.Engines;

/// <summary>
/// The ClickHouse tables for the lake table the ingestion job writes: a ReplicatedMergeTree local table with skip
/// indexes, a Distributed table over the cluster, and an hourly rollup kept by a materialized view. A Job applies
/// the DDL (ON CLUSTER, IF NOT EXISTS, so re-running is harmless) over TLS once the servers answer.
/// </summary>
internal static class ClickHouseLakeSchema
{
    public const string ConfigMapName = "clickhouse-lake-schema";
    public const string JobPrefix = "clickhouse-lake-schema-";
    private const string Mount = "/etc/dqe-schema";
    private const string TlsMount = "/etc/dqe-tls";

    /// <summary>Labels of the Job's pod: the servers admit it on the secure native port.</summary>
    public static IReadOnlyDictionary<string, string> JobLabels => Kube.Labels(("dqe.io/component", "clickhouse-schema"));

    public static IReadOnlyList<string> Statements(ClickHouseConfig config, string table)
    {
        ArgumentNullException.ThrowIfNull(config);
        var db = config.LakeTables.Database;
        var on = $"ON CLUSTER '{config.ClusterName}'";
        var local = $"{db}.{table}_local";
        var hourly = $"{db}.{table}_hourly";
        var ttl = config.LakeTables.TtlDays > 0 ? $"\nTTL dt + INTERVAL {config.LakeTables.TtlDays} DAY" : "";
        return
        [
            $"CREATE DATABASE IF NOT EXISTS {db} {on}",
            // Columns of the Parquet files under curated/<table>/ (SparkIngestionJob), dt as a Date.
            $"""
            CREATE TABLE IF NOT EXISTS {local} {on}
            (
                key String,
                value String CODEC(ZSTD(3)),
                topic LowCardinality(String),
                kafka_partition Int32,
                kafka_offset Int64,
                event_time DateTime64(3, 'UTC'),
                dt Date,
                INDEX key_bloom key TYPE bloom_filter(0.01) GRANULARITY 4,
                INDEX value_tokens value TYPE tokenbf_v1(32768, 3, 0) GRANULARITY 4,
                INDEX offset_minmax kafka_offset TYPE minmax GRANULARITY 1
            )
            ENGINE = ReplicatedMergeTree('/clickhouse/tables/{"{shard}"}/{db}/{table}_local', '{"{replica}"}')
            PARTITION BY toYYYYMM(dt)
            ORDER BY (topic, event_time, kafka_partition, kafka_offset){ttl}
            SETTINGS index_granularity = 8192
            """,
            // One Kafka partition stays on one shard, so offset lookups touch one shard's data.
            $"CREATE TABLE IF NOT EXISTS {db}.{table} {on} AS {local} ENGINE = Distributed('{config.ClusterName}', {db}, {table}_local, cityHash64(topic, kafka_partition))",
            $"""
            CREATE TABLE IF NOT EXISTS {hourly}_local {on}
            (
                topic LowCardinality(String),
                hour DateTime('UTC'),
                events UInt64,
                value_bytes UInt64
            )
            ENGINE = ReplicatedSummingMergeTree('/clickhouse/tables/{"{shard}"}/{db}/{table}_hourly_local', '{"{replica}"}')
            PARTITION BY toYYYYMM(hour)
            ORDER BY (topic, hour)
            """,
            // Every insert into the local table also lands, summed per topic and hour, in the rollup (kept past the TTL).
            $"""
            CREATE MATERIALIZED VIEW IF NOT EXISTS {hourly}_mv {on} TO {hourly}_local AS
            SELECT topic, toStartOfHour(event_time) AS hour, count() AS events, sum(length(value)) AS value_bytes
            FROM {local}
            GROUP BY topic, hour
            """,
            $"CREATE TABLE IF NOT EXISTS {hourly} {on} AS {hourly}_local ENGINE = Distributed('{config.ClusterName}', {db}, {table}_hourly_local, cityHash64(topic))",
        ];
    }

    /// <summary>The ConfigMap (DDL and client TLS config) and the Job that runs it, named after the DDL so a change runs anew.</summary>
    public static object[] Manifests(ClickHouseConfig config, string table)
    {
        var sql = string.Concat(Statements(config, table).Select(s => s + ";\n"));
        var job = JobPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))[..10];
        var ns = EngineNamespaces.ClickHouse;
        // Verify the servers' certificate against the engines CA (ca.crt of the issued secret) and its host name.
        const string clientConfig = $"<clickhouse><openSSL><client><caConfig>{TlsMount}/ca.crt</caConfig><verificationMode>strict</verificationMode></client></openSSL></clickhouse>\n";
        return
        [
            new
            {
                apiVersion = "v1",
                kind = "ConfigMap",
                metadata = new { name = ConfigMapName, @namespace = ns },
                data = new Dictionary<string, string> { ["schema.sql"] = sql, ["client.xml"] = clientConfig },
            },
            new
            {
                apiVersion = "batch/v1",
                kind = "Job",
                metadata = new { name = job, @namespace = ns, labels = JobLabels },
                spec = new
                {
                    // The servers come up minutes after this is applied: retry with the Job's backoff (10 s doubling, about an hour in all).
                    backoffLimit = 12,
                    template = new
                    {
                        metadata = new { labels = JobLabels },
                        spec = new
                        {
                            restartPolicy = "OnFailure",
                            nodeSelector = Kube.AnalyticsNodeSelector,
                            tolerations = Kube.AnalyticsTolerations,
                            securityContext = new { runAsNonRoot = true, runAsUser = 101, runAsGroup = 101 },
                            containers = new[]
                            {
                                new
                                {
                                    name = "ddl",
                                    image = config.Image,
                                    command = new[]
                                    {
                                        "sh", "-c",
                                        $"exec clickhouse-client --secure --host {ClickHouseInstallationManifest.Host} --port {ClickHouseInstallationManifest.SecureNativePort} " +
                                        $"--user {ClickHouseInstallationManifest.User} --password \"$CLICKHOUSE_PASSWORD\" --config-file {Mount}/client.xml --multiquery --queries-file {Mount}/schema.sql",
                                    },
                                    env = new[] { Kube.SecretEnv("CLICKHOUSE_PASSWORD", ClickHouseInstallationManifest.CredentialsSecret, "password") },
                                    resources = Kube.Resources(new PodResourcesConfig { MemoryGib = 1, Cpu = 0.5 }),
                                    securityContext = new { allowPrivilegeEscalation = false, capabilities = new { drop = new[] { "ALL" } } },
                                    volumeMounts = new object[]
                                    {
                                        new { name = "schema", mountPath = Mount, readOnly = true },
                                        new { name = "tls", mountPath = TlsMount, readOnly = true },
                                    },
                                },
                            },
                            volumes = new object[]
                            {
                                new { name = "schema", configMap = new { name = ConfigMapName } },
                                new { name = "tls", secret = new { secretName = ClickHouseInstallationManifest.TlsSecret } },
                            },
                        },
                    },
                },
            },
        ];
    }
}
