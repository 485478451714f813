using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dqe.Core.Kubernetes;
using k8s;

namespace Dqe.Core.Backup;

/// <summary>
/// Re-applies a saved KafkaTopic (<see cref="KubernetesTopicSource"/>'s shape) in one namespace: create, or on 409
/// a JSON merge patch of labels and spec, so a topic that exists keeps its data and is never deleted. Needs only
/// create/patch on kafkatopics in that namespace. Names are checked before any request.
/// </summary>
public sealed partial class KubernetesTopicApplier(Func<IKubernetes> kubernetes, string ns = "kafka") : ITopicApplier
{
    private readonly Lazy<HttpClient> _http = new(() => Http(kubernetes()));

    public async Task<string> ApplyAsync(JsonObject topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var name = topic["metadata"]?["name"]?.GetValue<string>() ?? "";
        if (!Name().IsMatch(name) || topic["spec"] is not JsonObject spec)
        {
            throw new ArgumentException($"saved topic '{name}' is not a KafkaTopic with a valid name and a spec.", nameof(topic));
        }

        var labels = topic["metadata"]?["labels"]?.DeepClone() ?? new JsonObject();
        var collection = $"apis/{KubernetesTopicSource.Group}/{KubernetesTopicSource.Version}/namespaces/{ns}/{KubernetesTopicSource.Plural}";
        var body = new JsonObject
        {
            ["apiVersion"] = $"{KubernetesTopicSource.Group}/{KubernetesTopicSource.Version}",
            ["kind"] = "KafkaTopic",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = labels },
            ["spec"] = spec.DeepClone(),
        };
        using (var created = await SendAsync(HttpMethod.Post, collection, body, "application/json", cancellationToken).ConfigureAwait(false))
        {
            if (created.StatusCode != HttpStatusCode.Conflict)
            {
                await EnsureAsync(created, $"create KafkaTopic {name}", cancellationToken).ConfigureAwait(false);
                return $"created {name}";
            }
        }

        var patch = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() }, ["spec"] = spec.DeepClone() };
        using var patched = await SendAsync(HttpMethod.Patch, $"{collection}/{name}", patch, "application/merge-patch+json", cancellationToken).ConfigureAwait(false);
        await EnsureAsync(patched, $"patch KafkaTopic {name}", cancellationToken).ConfigureAwait(false);
        return $"updated {name}";
    }

    // The AOT client serializes bodies with its own source-generated metadata, which has no type for a free-form
    // custom object: the request goes through its HTTP pipeline (TLS trust, credentials) with the JSON as is.
    private static HttpClient Http(IKubernetes client) => client is k8s.Kubernetes k
        ? new HttpClient(new KubernetesProxyHandler(k)) { BaseAddress = k.BaseUri }
        : throw new InvalidOperationException("the topic applier needs the Kubernetes client of the function host.");

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject body, string contentType, CancellationToken cancellationToken)
    {
        var client = _http.Value;
        using var request = new HttpRequestMessage(method, new Uri(client.BaseAddress!, path))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
        return await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"{what}: {(int)response.StatusCode} {text}", null, response.StatusCode);
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")]
    private static partial Regex Name();
}
