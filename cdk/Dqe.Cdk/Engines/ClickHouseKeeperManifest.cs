using Dqe.Cdk.Config;

namespace Dqe.Cdk.Engines;

/// <summary>The ClickHouseKeeperInstallation: an odd Raft ensemble, one member per node and zone, on gp3.</summary>
internal static class ClickHouseKeeperManifest
{
    public const string Name = "dqe-keeper";
    public const int ClientPort = 9181;
    public const int RaftPort = 9234;

    /// <summary>Service the servers reach Keeper through.</summary>
    public static string Host => $"{Name}.{EngineNamespaces.ClickHouse}.svc";

    public static IReadOnlyDictionary<string, string> PodLabels => Kube.Labels(("clickhouse-keeper.altinity.com/chk", Name));

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
                settings = new Dictionary<string, object>
                {
                    ["keeper_server/tcp_port"] = ClientPort,
                    ["keeper_server/raft_configuration/server/port"] = RaftPort,
                    ["logger/level"] = "information",
                    ["prometheus/endpoint"] = "/metrics",
                    ["prometheus/port"] = ClickHouseInstallationManifest.MetricsPort,
                    ["prometheus/metrics"] = true,
                },
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
                                },
                            },
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
                        spec = new { type = "ClusterIP", ports = new[] { new { name = "zk", port = ClientPort } } },
                    },
                },
            },
        },
    };
}
