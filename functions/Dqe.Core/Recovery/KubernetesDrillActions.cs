using k8s;
using k8s.Models;

namespace Dqe.Core.Recovery;

/// <summary>
/// <see cref="IDrillActions"/> over the Kubernetes API. Cordoned nodes get the <see cref="DrillIds.Label"/> label
/// so fail-back finds exactly what this run changed; drains use the Eviction API (PodDisruptionBudgets apply).
/// </summary>
public sealed class KubernetesDrillActions(IKubernetes kubernetes) : IDrillActions
{
    private const string ZoneLabel = "topology.kubernetes.io/zone";

    public async Task<IReadOnlyList<string>> DeletePodsAsync(string ns, string selector, int count, bool withVolumeClaims, string runId, CancellationToken cancellationToken)
    {
        var pods = await kubernetes.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector, cancellationToken: cancellationToken).ConfigureAwait(false);
        var claims = withVolumeClaims
            ? (await kubernetes.CoreV1.ListNamespacedPersistentVolumeClaimAsync(ns, cancellationToken: cancellationToken).ConfigureAwait(false)).Items
            : [];
        var done = new List<string>();
        foreach (var pod in pods.Items.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).Take(count))
        {
            // StatefulSet claims are TEMPLATE-POD: delete the claim first (it goes once the pod is gone), so the
            // recreated pod starts on an empty volume and must re-sync from its peers.
            foreach (var claim in claims.Where(c => c.Metadata.Name.EndsWith("-" + pod.Metadata.Name, StringComparison.Ordinal)))
            {
                await kubernetes.CoreV1.DeleteNamespacedPersistentVolumeClaimAsync(claim.Metadata.Name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
                done.Add($"pvc/{claim.Metadata.Name}");
            }

            await kubernetes.CoreV1.DeleteNamespacedPodAsync(pod.Metadata.Name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            done.Add($"pod/{pod.Metadata.Name}");
        }

        return done;
    }

    public async Task<IReadOnlyList<string>> CordonAndDrainZoneAsync(string zone, string runId, CancellationToken cancellationToken)
    {
        var nodes = await kubernetes.CoreV1.ListNodeAsync(labelSelector: $"{ZoneLabel}={zone}", cancellationToken: cancellationToken).ConfigureAwait(false);
        var done = new List<string>();
        foreach (var node in nodes.Items)
        {
            // Label before cordoning: if the run dies between the two, fail-back still finds the node.
            await PatchNodeAsync(node.Metadata.Name, $$$"""{"metadata":{"labels":{"{{{DrillIds.Label}}}":"{{{runId}}}"}},"spec":{"unschedulable":true}}""", cancellationToken).ConfigureAwait(false);
            done.Add(node.Metadata.Name);
            var pods = await kubernetes.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: $"spec.nodeName={node.Metadata.Name}", cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var pod in pods.Items.Where(p => p.Metadata.OwnerReferences?.Any(o => o.Kind == "DaemonSet") != true))
            {
                var eviction = new V1Eviction { Metadata = new V1ObjectMeta { Name = pod.Metadata.Name, NamespaceProperty = pod.Metadata.NamespaceProperty } };
                await kubernetes.CoreV1.CreateNamespacedPodEvictionAsync(eviction, pod.Metadata.Name, pod.Metadata.NamespaceProperty, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        return done;
    }

    public async Task<IReadOnlyList<string>> UncordonAsync(string runId, CancellationToken cancellationToken)
    {
        var nodes = await kubernetes.CoreV1.ListNodeAsync(labelSelector: Selector(runId), cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var node in nodes.Items)
        {
            await PatchNodeAsync(node.Metadata.Name, $$$"""{"metadata":{"labels":{"{{{DrillIds.Label}}}":null}},"spec":{"unschedulable":false}}""", cancellationToken).ConfigureAwait(false);
        }

        return [.. nodes.Items.Select(n => n.Metadata.Name)];
    }

    public async Task<IReadOnlyList<string>> DeleteScratchAsync(string runId, CancellationToken cancellationToken)
    {
        var namespaces = await kubernetes.CoreV1.ListNamespaceAsync(labelSelector: Selector(runId), cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var ns in namespaces.Items)
        {
            await kubernetes.CoreV1.DeleteNamespaceAsync(ns.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return [.. namespaces.Items.Select(n => n.Metadata.Name)];
    }

    public async Task<IReadOnlyList<string>> ListLabelledAsync(string runId, CancellationToken cancellationToken)
    {
        var nodes = await kubernetes.CoreV1.ListNodeAsync(labelSelector: Selector(runId), cancellationToken: cancellationToken).ConfigureAwait(false);
        var namespaces = await kubernetes.CoreV1.ListNamespaceAsync(labelSelector: Selector(runId), cancellationToken: cancellationToken).ConfigureAwait(false);
        // A namespace being deleted still lists until its finalizers ran; it is on its way out.
        return [.. nodes.Items.Select(n => $"node/{n.Metadata.Name}"),
            .. namespaces.Items.Where(n => n.Metadata.DeletionTimestamp is null).Select(n => $"namespace/{n.Metadata.Name}")];
    }

    private static string Selector(string runId) => $"{DrillIds.Label}={DrillIds.Require(runId)}";

    private Task PatchNodeAsync(string name, string mergePatch, CancellationToken cancellationToken) =>
        kubernetes.CoreV1.PatchNodeAsync(new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), name, cancellationToken: cancellationToken);
}
