using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Dqe.Core.Backup;

/// <summary>
/// Re-applies a saved KafkaTopic (<see cref="KubernetesTopicSource"/>'s shape) in one namespace: create, or on 409
/// a JSON merge patch of labels and spec, so a topic that exists keeps its data and is never deleted. Needs only
/// get/create/patch on kafkatopics in that namespace. Names are checked before any request.
/// </summary>
public sealed partial class KubernetesTopicApplier(Func<IKubernetes> kubernetes, string ns = "kafka") : ITopicApplier
{
    private readonly Lazy<IKubernetes> _client = new(kubernetes);

    public async Task<string> ApplyAsync(JsonObject topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var name = topic["metadata"]?["name"]?.GetValue<string>() ?? "";
        if (!Name().IsMatch(name) || topic["spec"] is not JsonObject spec)
        {
            throw new ArgumentException($"saved topic '{name}' is not a KafkaTopic with a valid name and a spec.", nameof(topic));
        }

        var labels = topic["metadata"]?["labels"]?.DeepClone() ?? new JsonObject();
        var body = new JsonObject
        {
            ["apiVersion"] = $"{KubernetesTopicSource.Group}/{KubernetesTopicSource.Version}",
            ["kind"] = "KafkaTopic",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = labels },
            ["spec"] = spec.DeepClone(),
        };
        try
        {
            await _client.Value.CustomObjects.CreateNamespacedCustomObjectAsync(body, KubernetesTopicSource.Group, KubernetesTopicSource.Version, ns,
                KubernetesTopicSource.Plural, cancellationToken: cancellationToken).ConfigureAwait(false);
            return $"created {name}";
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            var patch = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() }, ["spec"] = spec.DeepClone() };
            await _client.Value.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch),
                KubernetesTopicSource.Group, KubernetesTopicSource.Version, ns, KubernetesTopicSource.Plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return $"updated {name}";
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")]
    private static partial Regex Name();
}
