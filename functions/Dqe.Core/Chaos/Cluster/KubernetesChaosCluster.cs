using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dqe.Core.Kubernetes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Dqe.Core.Chaos.Cluster;

/// <summary>
/// <see cref="IChaosCluster"/> over KubernetesClient (AOT build). Custom objects travel as JSON text so no
/// reflection-based serialization is needed; patches are JSON merge patches.
/// </summary>
public sealed class KubernetesChaosCluster : IChaosCluster
{
    private readonly IKubernetes _client;

    private KubernetesChaosCluster(IKubernetes client) => _client = client;

    /// <summary>Registers the JSON metadata custom objects need, then asks <paramref name="clients"/> for the client.</summary>
    public static KubernetesChaosCluster Create(Func<IKubernetes> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        CustomObjectJson.EnsureRegistered();
        return new KubernetesChaosCluster(clients());
    }

    public async Task<IReadOnlyList<PodRef>> ListPodsAsync(string ns, string labelSelector, CancellationToken cancellationToken)
    {
        var pods = await _client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: labelSelector.Length == 0 ? null : labelSelector, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. pods.Items.Select(ToRef)];
    }

    public async Task<IReadOnlyList<NodeRef>> ListNodesAsync(string? labelSelector, CancellationToken cancellationToken)
    {
        var nodes = await _client.CoreV1.ListNodeAsync(labelSelector: labelSelector, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. nodes.Items.Select(n => new NodeRef(
            n.Metadata.Name,
            Value(n.Metadata.Labels, ChaosLabels.ZoneLabel),
            n.Spec?.Unschedulable == true,
            Value(n.Metadata.Labels, ChaosLabels.RunId),
            ChaosTimestamps.Parse(Value(n.Metadata.Annotations, ChaosLabels.ExpiresAt))))];
    }

    public Task PatchNodeAsync(string name, JsonObject mergePatch, CancellationToken cancellationToken) =>
        _client.CoreV1.PatchNodeAsync(MergePatch(mergePatch), name, cancellationToken: cancellationToken);

    public async Task EvictPodAsync(string ns, string name, CancellationToken cancellationToken)
    {
        var eviction = new V1Eviction { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns } };
        await IgnoreNotFoundAsync(() => _client.CoreV1.CreateNamespacedPodEvictionAsync(eviction, name, ns, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public Task CreateChaosAsync(string ns, string plural, JsonObject manifest, CancellationToken cancellationToken) =>
        _client.CustomObjects.CreateNamespacedCustomObjectAsync(
            ToElement(manifest), ChaosLabels.ChaosGroup, ChaosLabels.ChaosVersion, ns, plural, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<JsonObject>> ListChaosAsync(string ns, string plural, string labelSelector, CancellationToken cancellationToken)
    {
        var list = await _client.CustomObjects.ListNamespacedCustomObjectAsync(
            ChaosLabels.ChaosGroup, ChaosLabels.ChaosVersion, ns, plural, labelSelector: labelSelector, cancellationToken: cancellationToken).ConfigureAwait(false);
        var node = list switch
        {
            JsonElement element => JsonNode.Parse(element.GetRawText()),
            JsonNode json => json,
            _ => null,
        };
        return node?["items"] is JsonArray items ? [.. items.OfType<JsonObject>()] : [];
    }

    public Task PatchChaosAsync(string ns, string plural, string name, JsonObject mergePatch, CancellationToken cancellationToken) =>
        IgnoreNotFoundAsync(() => _client.CustomObjects.PatchNamespacedCustomObjectAsync(
            MergePatch(mergePatch), ChaosLabels.ChaosGroup, ChaosLabels.ChaosVersion, ns, plural, name, cancellationToken: cancellationToken));

    public Task DeleteChaosAsync(string ns, string plural, string name, CancellationToken cancellationToken) =>
        IgnoreNotFoundAsync(() => _client.CustomObjects.DeleteNamespacedCustomObjectAsync(
            ChaosLabels.ChaosGroup, ChaosLabels.ChaosVersion, ns, plural, name, cancellationToken: cancellationToken));

    public async Task<LeaseRecord?> ReadLeaseAsync(string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            var lease = await _client.CoordinationV1.ReadNamespacedLeaseAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new LeaseRecord(
                ns,
                name,
                lease.Spec?.HolderIdentity ?? "",
                new DateTimeOffset(DateTime.SpecifyKind(lease.Spec?.RenewTime ?? lease.Spec?.AcquireTime ?? DateTime.MinValue, DateTimeKind.Utc)),
                lease.Spec?.LeaseDurationSeconds ?? 0,
                lease.Metadata.ResourceVersion);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<bool> WriteLeaseAsync(LeaseRecord lease, CancellationToken cancellationToken)
    {
        var body = new V1Lease
        {
            Metadata = new V1ObjectMeta
            {
                Name = lease.Name,
                NamespaceProperty = lease.Namespace,
                ResourceVersion = lease.ResourceVersion,
                Labels = new Dictionary<string, string> { [ChaosLabels.ManagedBy] = ChaosLabels.ManagedByValue },
            },
            Spec = new V1LeaseSpec
            {
                HolderIdentity = lease.Holder,
                AcquireTime = lease.RenewedAt.UtcDateTime,
                RenewTime = lease.RenewedAt.UtcDateTime,
                LeaseDurationSeconds = lease.DurationSeconds,
            },
        };
        try
        {
            if (lease.ResourceVersion is null)
            {
                await _client.CoordinationV1.CreateNamespacedLeaseAsync(body, lease.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _client.CoordinationV1.ReplaceNamespacedLeaseAsync(body, lease.Name, lease.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public Task DeleteLeaseAsync(string ns, string name, CancellationToken cancellationToken) =>
        IgnoreNotFoundAsync(() => _client.CoordinationV1.DeleteNamespacedLeaseAsync(name, ns, cancellationToken: cancellationToken));

    private static PodRef ToRef(V1Pod pod) => new(
        pod.Metadata.NamespaceProperty,
        pod.Metadata.Name,
        pod.Spec?.NodeName,
        pod.Metadata.OwnerReferences?.Any(o => o.Kind == "DaemonSet") == true);

    private static string? Value(IDictionary<string, string>? map, string key) =>
        map is not null && map.TryGetValue(key, out var value) ? value : null;

    private static V1Patch MergePatch(JsonObject patch) => new(patch.ToJsonString(), V1Patch.PatchType.MergePatch);

    private static JsonElement ToElement(JsonObject manifest)
    {
        using var document = JsonDocument.Parse(manifest.ToJsonString());
        return document.RootElement.Clone();
    }

    private static async Task IgnoreNotFoundAsync(Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // Already gone is the outcome a delete or eviction wants.
        }
    }
}
