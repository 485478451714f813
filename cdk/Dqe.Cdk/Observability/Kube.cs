using System.Text.Json.Nodes;
using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Observability;

/// <summary>Helpers to put charts and manifests on the platform's cluster from this stack, built from JSON objects.</summary>
internal static class Kube
{
    /// <summary>Applies Kubernetes objects (given as JSON) to <paramref name="cluster"/>.</summary>
    public static KubernetesManifest Manifest(Construct scope, string id, ICluster cluster, params JsonObject[] objects) =>
        new(scope, id, new KubernetesManifestProps
        {
            Cluster = cluster,
            Manifest = [.. objects.Select(o => (IDictionary<string, object>)JsiiValues.From(o))],
            // Server-side validation catches a wrong field at deploy time instead of silently dropping it.
            SkipValidation = false,
        });

    /// <summary>Installs a pinned chart into an existing namespace and waits until its workloads are ready.</summary>
    public static HelmChart Chart(Construct scope, string id, ICluster cluster, HelmRelease release, JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(release);
        return release.Install(scope, id, cluster, JsiiValues.From(values), wait: true);
    }

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
}
