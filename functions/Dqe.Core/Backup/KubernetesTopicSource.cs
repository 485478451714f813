using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace Dqe.Core.Backup;

/// <summary>
/// Strimzi <c>KafkaTopic</c> resources (kafka.strimzi.io/v1beta2) of one namespace through the Kubernetes API,
/// reduced to what recreates them: apiVersion, kind, name, labels (the cluster label included) and spec.
/// Status, uid and resource versions are dropped; they belong to the old cluster.
/// </summary>
public sealed class KubernetesTopicSource(Func<IKubernetes> kubernetes, string ns = "kafka") : ITopicSource
{
    public const string Group = "kafka.strimzi.io";
    public const string Version = "v1beta2";
    public const string Plural = "kafkatopics";

    private readonly Lazy<IKubernetes> _client = new(kubernetes);

    public async Task<JsonArray> ListTopicsAsync(CancellationToken cancellationToken)
    {
        var list = await _client.Value.CustomObjects.ListNamespacedCustomObjectAsync(Group, Version, ns, Plural, cancellationToken: cancellationToken).ConfigureAwait(false);
        var node = list switch
        {
            JsonElement element => JsonNode.Parse(element.GetRawText()),
            JsonNode json => json,
            _ => null,
        };
        var topics = new JsonArray();
        foreach (var item in (node?["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            topics.Add((JsonNode)new JsonObject
            {
                ["apiVersion"] = $"{Group}/{Version}",
                ["kind"] = "KafkaTopic",
                ["metadata"] = new JsonObject
                {
                    ["name"] = item["metadata"]?["name"]?.DeepClone(),
                    ["namespace"] = ns,
                    ["labels"] = item["metadata"]?["labels"]?.DeepClone(),
                },
                ["spec"] = item["spec"]?.DeepClone(),
            });
        }

        return topics;
    }
}
