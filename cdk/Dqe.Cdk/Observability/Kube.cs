using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Constructs;

namespace Dqe.Cdk.Observability;

/// <summary>Helpers to put charts and manifests on the platform's cluster from this stack, built from JSON objects.</summary>
internal static class Kube
{
    /// <summary>Applies Kubernetes objects (given as JSON) to <paramref name="cluster"/>.</summary>
    public static KubernetesManifest Manifest(Construct scope, string id, ICluster cluster, params JsonObject[] objects) =>
        new(scope, id, new KubernetesManifestProps
        {
            Cluster = cluster,
            Manifest = [.. objects.Select(o => (IDictionary<string, object>)ToJsii(o)!)],
            // Server-side validation catches a wrong field at deploy time instead of silently dropping it.
            SkipValidation = false,
        });

    /// <summary>Installs a pinned chart into an existing namespace and waits until its workloads are ready.</summary>
    public static HelmChart Chart(Construct scope, string id, ICluster cluster, HelmRelease release, JsonObject values) =>
        new(scope, id, new HelmChartProps
        {
            Cluster = cluster,
            Chart = release.Chart,
            Repository = release.Repository,
            Version = release.Version,
            Namespace = release.Namespace,
            Release = release.Name,
            CreateNamespace = false,
            Wait = true,
            Timeout = Duration.Minutes(15),
            Values = (IDictionary<string, object>)ToJsii(values)!,
        });

    public static JsonObject Metadata(string name, string? ns = null, JsonObject? labels = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        if (labels is not null)
        {
            metadata["labels"] = labels;
        }

        return metadata;
    }

    /// <summary>The service-account annotation that binds a pod to an IRSA role.</summary>
    public static JsonObject IrsaAnnotation(string roleArn) => new() { ["eks.amazonaws.com/role-arn"] = roleArn };

    /// <summary>Node selector for the general pool (observability never runs on the engines' analytics nodes).</summary>
    public static JsonObject GeneralPool() => new() { [Platform.KubernetesCluster.PoolLabel] = "general" };

    /// <summary>Converts JSON into the dictionaries, arrays and primitives jsii passes to CDK.</summary>
    public static object? ToJsii(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToJsii(p.Value)!),
        JsonArray a => a.Select(ToJsii).ToArray(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => Number(v),
        },
        _ => throw new ArgumentException($"unsupported JSON node {node.GetType().Name}", nameof(node)),
    };

    /// <summary>Whole numbers stay integers (Helm templates compare replicas, ports and sizes as ints).</summary>
    private static object Number(JsonValue value) =>
        value.TryGetValue<int>(out var i) || (value.TryGetValue<JsonElement>(out var element) && element.TryGetInt32(out i))
            ? (object)i
            : value.GetValue<double>();
}
