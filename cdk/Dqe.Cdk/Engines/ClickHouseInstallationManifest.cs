using Dqe.Cdk.Config;

namespace Dqe.Cdk.Engines;

/// <summary>
/// The ClickHouseInstallation: shards x replicas in one named cluster (for Distributed tables and ON CLUSTER),
/// Keeper for replication, LZ4 (or configured) compression, MergeTree limits, an S3 disk on the backups bucket
/// reached through IRSA, Prometheus metrics, and replicas of a shard forced into different zones.
/// </summary>
internal static class ClickHouseInstallationManifest
{
    public const string Name = "dqe";
    /// <summary>Plain HTTP: the operator (and, with interserver TLS off, replicas) inside the namespace only.</summary>
    public const int HttpPort = 8123;
    public const int HttpsPort = 8443;
    public const int SecureNativePort = 9440;
    public const string TlsSecret = "clickhouse-tls";
    private const string TlsMount = "/etc/clickhouse-server/tls";
    public const int NativePort = 9000;
    /// <summary>Plain replication port; removed when engines.clickHouse.interserverTls is on.</summary>
    public const int InterserverPort = 9009;
    public const int MetricsPort = 9363;
    public const string BackupDisk = "backups";
    public const string BackupPrefix = "clickhouse/";
    public const string CredentialsSecret = "clickhouse-credentials";
    public const string User = "dqe";

    /// <summary>Annotation on the installation telling automation how far it may raise replicasCount.</summary>
    public const string MaxReplicasAnnotation = "dqe.io/max-replicas-per-shard";

    /// <summary>Service clients reach the servers through.</summary>
    public static string Host => $"clickhouse-{Name}.{EngineNamespaces.ClickHouse}.svc";

    /// <summary>Labels every server pod carries (the operator sets them).</summary>
    public static IReadOnlyDictionary<string, string> PodLabels => Kube.Labels(("clickhouse.altinity.com/chi", Name));

    /// <param name="people">People's users (<see cref="EngineUsers"/>), profiles and quotas beside the automation user; null = none.</param>
    public static object Build(ClickHouseConfig config, LakeStore store, string serviceAccount, EngineUsers? people = null) => new
    {
        apiVersion = "clickhouse.altinity.com/v1",
        kind = "ClickHouseInstallation",
        metadata = new
        {
            name = Name,
            @namespace = EngineNamespaces.ClickHouse,
            annotations = new Dictionary<string, string> { [MaxReplicasAnnotation] = Kube.Int(config.MaxReplicasPerShard) },
        },
        spec = new
        {
            defaults = new { templates = new { podTemplate = "server", dataVolumeClaimTemplate = "data", serviceTemplate = "client" } },
            configuration = new
            {
                zookeeper = new { nodes = new[] { ClickHouseKeeperManifest.Node(config) } },
                users = new Dictionary<string, object>(ClickHouseUserSettings.Users(people))
                {
                    // The operator injects the password from the synced secret; it never appears in the resource.
                    [$"{User}/k8s_secret_password"] = $"{CredentialsSecret}/password",
                    // Every client of the automation user (functions, Grafana, the API server's pod proxy) is inside the VPC.
                    [$"{User}/networks/ip"] = new[] { people is null ? "::/0" : ClickHouseUserSettings.MaskForm(people.VpcCidr) },
                    [$"{User}/profile"] = "default",
                    [$"{User}/quota"] = "default",
                    [$"{User}/access_management"] = 1,
                },
                profiles = Merge(ClickHouseTuning.Profiles(config.QueryLimits), ClickHouseUserSettings.Profiles(people, config.QueryLimits)),
                quotas = Merge(ClickHouseTuning.Quotas(config.Quota), ClickHouseUserSettings.Quotas(people, config.Quota)),
                settings = Settings(config, store),
                clusters = new[]
                {
                    // secure: the operator points remote_servers at the secure native port with <secure>1</secure>.
                    new { name = config.ClusterName, layout = new { shardsCount = config.Shards, replicasCount = config.ReplicasPerShard }, secure = config.InterserverTls.Enabled ? "yes" : null },
                },
                files = config.InterserverTls.Enabled
                    ? new Dictionary<string, string> { [ClickHouseInterserverTls.ServerConfigFile] = ClickHouseInterserverTls.ServerConfig(TlsMount, ClickHouseInterserverTls.InterserverHttpsPort) }
                    : null,
            },
            templates = new
            {
                podTemplates = new[] { PodTemplate(config, store, serviceAccount) },
                volumeClaimTemplates = new[] { Volume("data", config.StorageGib) },
                serviceTemplates = new[]
                {
                    new
                    {
                        name = "client",
                        generateName = "clickhouse-{chi}",
                        spec = new
                        {
                            type = "ClusterIP",
                            ports = new[]
                            {
                                new { name = "http", port = HttpPort }, new { name = "tcp", port = NativePort },
                                new { name = "https", port = HttpsPort }, new { name = "secure-tcp", port = SecureNativePort },
                            },
                        },
                    },
                },
            },
        },
    };

    private static Dictionary<string, object> Merge(Dictionary<string, object> first, Dictionary<string, object> second) =>
        new(first.Concat(second), StringComparer.Ordinal);

    public static object Volume(string name, int gib) => new
    {
        name,
        spec = new
        {
            storageClassName = Platform.EbsCsiDriver.StorageClassName,
            accessModes = new[] { "ReadWriteOnce" },
            resources = new { requests = new { storage = Kube.Memory(gib) } },
        },
    };

    private static Dictionary<string, object> Settings(ClickHouseConfig config, LakeStore store)
    {
        var mergeTree = config.MergeTree;
        var disk = $"storage_configuration/disks/{BackupDisk}";
        var settings = new Dictionary<string, object>
        {
            ["compression/case/method"] = config.Compression,
            // Clients use TLS (certificate from the engines CA); plain ports stay for the operator and replication.
            ["https_port"] = HttpsPort,
            ["tcp_port_secure"] = SecureNativePort,
            ["openSSL/server/certificateFile"] = $"{TlsMount}/tls.crt",
            ["openSSL/server/privateKeyFile"] = $"{TlsMount}/tls.key",
            ["openSSL/server/verificationMode"] = "none",
            ["merge_tree/parts_to_delay_insert"] = mergeTree.PartsToDelayInsert,
            ["merge_tree/parts_to_throw_insert"] = mergeTree.PartsToThrowInsert,
            ["merge_tree/max_parts_in_total"] = mergeTree.MaxPartsInTotal,
            ["merge_tree/max_bytes_to_merge_at_max_space_in_pool"] = (long)mergeTree.MaxMergeSizeGib * 1024 * 1024 * 1024,
            ["background_pool_size"] = config.Pools.BackgroundPoolSize,
            ["background_merges_mutations_concurrency_ratio"] = config.Pools.MergesConcurrencyRatio,
            ["background_fetches_pool_size"] = config.Pools.FetchesPoolSize,
            ["background_schedule_pool_size"] = config.Pools.SchedulePoolSize,
            ["max_concurrent_queries"] = config.QueryLimits.MaxConcurrentQueries,
            ["prometheus/endpoint"] = "/metrics",
            ["prometheus/port"] = MetricsPort,
            ["prometheus/metrics"] = true,
            ["prometheus/events"] = true,
            ["prometheus/asynchronous_metrics"] = true,
            [$"{disk}/type"] = "s3",
            [$"{disk}/endpoint"] = store.Url(store.BackupsBucket, BackupPrefix),
            ["backups/allowed_disk"] = BackupDisk,
            ["backups/allowed_path"] = "/backups/",
        };
        if (store.IsMinIo)
        {
            settings[$"{disk}/access_key_id"] = "from_env MINIO_ACCESS_KEY";
            settings[$"{disk}/secret_access_key"] = "from_env MINIO_SECRET_KEY";
        }
        else
        {
            // IRSA: the SDK's default chain picks up the pod's web identity token; no keys anywhere.
            settings[$"{disk}/use_environment_credentials"] = true;
            // BACKUP ... TO S3('<this prefix>/<id>') matches this endpoint section by URL prefix and signs with the
            // same IRSA credentials; the SQL never carries a key.
            settings["s3/backups/endpoint"] = store.Url(store.BackupsBucket, BackupPrefix);
            settings["s3/backups/use_environment_credentials"] = true;
            // s3() reads of the lake's curated/ prefix (TPC-H benchmark loads, lake table loads) sign the same way.
            settings["s3/lake/endpoint"] = store.Url(store.LakeBucket, Platform.DataLake.CuratedPrefix);
            settings["s3/lake/use_environment_credentials"] = true;
            if (store.BackupsReplicaBucket is { } replica)
            {
                settings["s3/backups_replica/endpoint"] = store.Url(replica, BackupPrefix);
                settings["s3/backups_replica/use_environment_credentials"] = true;
            }
        }

        return settings;
    }

    private static object PodTemplate(ClickHouseConfig config, LakeStore store, string serviceAccount) => new
    {
        name = "server",
        spec = new
        {
            serviceAccountName = serviceAccount,
            nodeSelector = Kube.AnalyticsNodeSelector,
            tolerations = Kube.AnalyticsTolerations,
            topologySpreadConstraints = new[]
            {
                // Replicas of one shard in different zones: matchLabelKeys groups pods by their own shard label.
                new
                {
                    maxSkew = 1,
                    topologyKey = Kube.ZoneKey,
                    whenUnsatisfiable = "DoNotSchedule",
                    labelSelector = new { matchLabels = PodLabels },
                    matchLabelKeys = new[] { "clickhouse.altinity.com/shard" },
                },
            },
            // One server per node: a node loss costs at most one replica, and servers never share a node's CPU.
            affinity = new { podAntiAffinity = Kube.HostAntiAffinity(PodLabels) },
            volumes = new[] { new { name = "tls", secret = new { secretName = TlsSecret } } },
            containers = new[]
            {
                new
                {
                    name = "clickhouse",
                    image = config.Image,
                    resources = Kube.Resources(config.Resources),
                    ports = new[] { new { name = "metrics", containerPort = MetricsPort } },
                    volumeMounts = new[] { new { name = "tls", mountPath = TlsMount, readOnly = true } },
                    env = store.IsMinIo
                        ? new object[] { Kube.SecretEnv("MINIO_ACCESS_KEY", LakeStore.CredentialsSecret, "accessKey"), Kube.SecretEnv("MINIO_SECRET_KEY", LakeStore.CredentialsSecret, "secretKey") }
                        : null,
                },
            },
        },
    };
}
