using System.Globalization;
using System.Text.Json;
using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Engines;

/// <summary>Small builders shared by the engine constructs: manifests, charts, resources and placement.</summary>
internal static class Kube
{
    public const string ZoneKey = "topology.kubernetes.io/zone";
    public const string HostKey = "kubernetes.io/hostname";

    /// <summary>Applies <paramref name="documents"/> (records or anonymous objects) as one kubectl manifest.</summary>
    public static KubernetesManifest Apply(Construct scope, string id, ICluster cluster, params object[] documents) =>
        new(scope, id, new KubernetesManifestProps
        {
            Cluster = cluster,
            Manifest = [.. documents.Select(d => (IDictionary<string, object>)HelmValues.From(d))],
            // Objects may already exist from an earlier, failed deploy; kubectl apply reconciles them.
            Overwrite = true,
        });

    /// <summary>Installs a pinned chart release with values converted from a typed record.</summary>
    /// <param name="waitReady">Wait for the release's pods (see <see cref="HelmRelease.Install"/>): true for operators, false for engines.</param>
    public static HelmChart Chart(Construct scope, string id, ICluster cluster, HelmRelease release, object values, bool waitReady = true)
    {
        ArgumentNullException.ThrowIfNull(release);
        return release.Install(scope, id, cluster, HelmValues.From(values), waitReady);
    }

    /// <summary>Requests and limits: memory request = limit; CPU request 85% of the limit so a pod sized to a node's vCPUs still fits beside the daemon sets.</summary>
    public static ResourceValues Resources(PodResourcesConfig resources) => new(
        new ResourceAmounts(Memory(resources.MemoryGib), Millicores(resources.Cpu * 0.85)),
        new ResourceAmounts(Memory(resources.MemoryGib), Millicores(resources.Cpu)));

    public static string Memory(int gib) => $"{gib}Gi";

    public static string Millicores(double cpu) => $"{(int)Math.Round(cpu * 1000)}m";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Node selector of the tainted analytics pool.</summary>
    public static object AnalyticsNodeSelector => KubernetesCluster.AnalyticsPlacement["nodeSelector"];

    /// <summary>Toleration of the analytics pool's taint.</summary>
    public static object AnalyticsTolerations => KubernetesCluster.AnalyticsPlacement["tolerations"];

    public static object GeneralNodeSelector => KubernetesCluster.GeneralPlacement["nodeSelector"];

    /// <summary>Spread pods matching <paramref name="labels"/> evenly over zones; hard when losing a zone must not lose all copies.</summary>
    public static object[] ZoneSpread(IReadOnlyDictionary<string, string> labels, bool hard) =>
    [
        new
        {
            maxSkew = 1,
            topologyKey = ZoneKey,
            whenUnsatisfiable = hard ? "DoNotSchedule" : "ScheduleAnyway",
            labelSelector = new { matchLabels = labels },
        },
    ];

    /// <summary>Pod anti-affinity: at most one pod matching <paramref name="labels"/> per node.</summary>
    public static object HostAntiAffinity(IReadOnlyDictionary<string, string> labels) => new
    {
        requiredDuringSchedulingIgnoredDuringExecution = new[] { new { topologyKey = HostKey, labelSelector = new { matchLabels = labels } } },
    };

    /// <summary>Required node affinity to one node pool (for pod templates that take no nodeSelector).</summary>
    public static object PoolNodeAffinity(string pool) => new
    {
        requiredDuringSchedulingIgnoredDuringExecution = new
        {
            nodeSelectorTerms = new[] { new { matchExpressions = new[] { new { key = KubernetesCluster.PoolLabel, @operator = "In", values = new[] { pool } } } } },
        },
    };

    /// <summary>A generated YAML config file: JSON is valid YAML, so typed data serializes straight into one.</summary>
    public static string ConfigFile(object content) => JsonSerializer.Serialize(content, content.GetType(), HelmValues.Json);

    /// <summary>A Prometheus Operator PodMonitor scraping <paramref name="port"/> of the selected pods.</summary>
    public static object PodMonitor(string name, string ns, MonitoringConfig monitoring, IReadOnlyDictionary<string, string> selector, string port, string path = "/metrics") => new
    {
        apiVersion = "monitoring.coreos.com/v1",
        kind = "PodMonitor",
        metadata = new { name, @namespace = ns, labels = new Dictionary<string, string> { ["release"] = monitoring.ReleaseLabel } },
        spec = new
        {
            selector = new { matchLabels = selector },
            podMetricsEndpoints = new[] { new { port, path, interval = "30s" } },
        },
    };

    /// <summary>An environment variable read from a key of a Kubernetes secret.</summary>
    public static object SecretEnv(string name, string secret, string key) =>
        new { name, valueFrom = new { secretKeyRef = new { name = secret, key } } };

    public static Dictionary<string, string> Labels(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
