using Dqe.Cdk.Config;

namespace Dqe.Cdk.Engines;

/// <summary>The ClickHouseKeeperInstallation: an odd Raft ensemble, one member per node and zone, on gp3.</summary>
internal static class ClickHouseKeeperManifest
{
    public const string Name = "dqe-keeper";
    /// <summary>Keeper's ZooKeeper-protocol port; 2181, the operator's default, so its generated config and ours agree.</summary>
    public const int ClientPort = 2181;
    public const int RaftPort = 9234;

    /// <summary>Service the servers reach Keeper through.</summary>
    public static string Host => $"{Name}.{EngineNamespaces.ClickHouse}.svc";

    /// <summary>Our own label on the Keeper pods (set through the pod template), for spread rules and NetworkPolicies.</summary>
    public static IReadOnlyDictionary<string, string> PodLabels => Kube.Labels(("dqe.io/component", Name));

    /// <summary>The Keeper entry of the servers' zookeeper section: the secure client port when interserver TLS is on.</summary>
    public static object Node(ClickHouseConfig config) => config.InterserverTls.Enabled
        ? new { host = Host, port = ClickHouseInterserverTls.KeeperSecurePort, secure = (string?)"yes" }
        : new { host = Host, port = ClientPort, secure = (string?)null };

    public static object Build(ClickHouseConfig config) => new
    {
        apiVersion = "clickhouse-keeper.altinity.com/v1",
        kind = "ClickHouseKeeperInstallation",
        metadata = new { name = Name, @namespace = EngineNamespaces.ClickHouse },
        spec = new
        {
            defaults = new { templates = new { podTemplate = "keeper", dataVolumeClaimTemplate = "keeper-data", serviceTemplate = "keeper" } },
            configuration = new
            {
                clusters = new[] { new { name = "keeper", layout = new { replicasCount = config.KeeperNodes } } },
                settings = Settings(config),
            },
            templates = new
            {
                podTemplates = new[]
                {
                    new
                    {
                        name = "keeper",
                        metadata = new { labels = PodLabels },
                        spec = new
                        {
                            nodeSelector = Kube.AnalyticsNodeSelector,
                            tolerations = Kube.AnalyticsTolerations,
                            // Losing a zone must leave a quorum: members spread hard over zones and nodes.
                            topologySpreadConstraints = Kube.ZoneSpread(PodLabels, hard: true),
                            affinity = new { podAntiAffinity = Kube.HostAntiAffinity(PodLabels) },
                            containers = new[]
                            {
                                new
                                {
                                    name = "clickhouse-keeper",
                                    image = config.KeeperImage,
                                    resources = Kube.Resources(new PodResourcesConfig { MemoryGib = 2, Cpu = 1 }),
                                    ports = new[] { new { name = "metrics", containerPort = ClickHouseInstallationManifest.MetricsPort } },
                                    volumeMounts = config.InterserverTls.Enabled
                                        ? new[] { new { name = "tls", mountPath = ClickHouseInterserverTls.KeeperTlsMount, readOnly = true } }
                                        : null,
                                },
                            },
                            volumes = config.InterserverTls.Enabled ? new[] { new { name = "tls", secret = new { secretName = ClickHouseInterserverTls.KeeperTlsSecret } } } : null,
                        },
                    },
                },
                volumeClaimTemplates = new[] { ClickHouseInstallationManifest.Volume("keeper-data", 10) },
                serviceTemplates = new[]
                {
                    new
                    {
                        name = "keeper",
                        generateName = Name,
                        spec = new
                        {
                            type = "ClusterIP",
                            ports = config.InterserverTls.Enabled
                                ? new[] { new { name = "zk", port = ClientPort }, new { name = "zk-secure", port = ClickHouseInterserverTls.KeeperSecurePort } }
                                : new[] { new { name = "zk", port = ClientPort } },
                        },
                    },
                },
            },
        },
    };

    private static Dictionary<string, object> Settings(ClickHouseConfig config)
    {
        var settings = new Dictionary<string, object>
        {
            // The plain port stays for the operator only (NetworkPolicies) when the secure one is on.
            ["keeper_server/tcp_port"] = ClientPort,
            ["logger/level"] = "information",
            ["prometheus/endpoint"] = "/metrics",
            ["prometheus/port"] = ClickHouseInstallationManifest.MetricsPort,
            ["prometheus/metrics"] = true,
        };
        if (config.InterserverTls.Enabled)
        {
            foreach (var (key, value) in ClickHouseInterserverTls.KeeperSettings())
            {
                settings[key] = value;
            }
        }

        return settings;
    }
}
