using k8s;
using k8s.Models;

namespace Dqe.Core.Remediation.Actions;

/// <summary><see cref="IClusterActions"/> over the Kubernetes API (merge patches and the Eviction API; no kubectl).</summary>
public sealed class KubernetesClusterActions : IClusterActions
{
    private readonly IKubernetes _client;

    public KubernetesClusterActions(IKubernetes client)
    {
        _client = client;
    }

    public Task DeletePodAsync(string ns, string pod, CancellationToken cancellationToken) =>
        _client.CoreV1.DeleteNamespacedPodAsync(pod, ns, cancellationToken: cancellationToken);

    public async Task<int> GetReplicasAsync(WorkloadKind kind, string ns, string name, CancellationToken cancellationToken)
    {
        var scale = kind == WorkloadKind.Deployment
            ? await _client.AppsV1.ReadNamespacedDeploymentScaleAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await _client.AppsV1.ReadNamespacedStatefulSetScaleAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        return scale.Spec?.Replicas ?? 0;
    }

    public Task SetReplicasAsync(WorkloadKind kind, string ns, string name, int replicas, CancellationToken cancellationToken)
    {
        var patch = new V1Patch($$$"""{"spec":{"replicas":{{{replicas}}}}}""", V1Patch.PatchType.MergePatch);
        return kind == WorkloadKind.Deployment
            ? _client.AppsV1.PatchNamespacedDeploymentScaleAsync(patch, name, ns, cancellationToken: cancellationToken)
            : _client.AppsV1.PatchNamespacedStatefulSetScaleAsync(patch, name, ns, cancellationToken: cancellationToken);
    }

    public Task CordonNodeAsync(string node, CancellationToken cancellationToken) =>
        _client.CoreV1.PatchNodeAsync(new V1Patch("""{"spec":{"unschedulable":true}}""", V1Patch.PatchType.MergePatch), node, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<(string Namespace, string Name)>> ListEvictablePodsAsync(string node, CancellationToken cancellationToken)
    {
        var pods = await _client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: $"spec.nodeName={node}", cancellationToken: cancellationToken).ConfigureAwait(false);
        return pods.Items
            .Where(p => p.Metadata.OwnerReferences?.Any(o => o.Kind == "DaemonSet") != true)
            .Where(p => p.Metadata.Annotations?.ContainsKey("kubernetes.io/config.mirror") != true)
            .Select(p => (p.Metadata.NamespaceProperty, p.Metadata.Name))
            .ToList();
    }

    public Task EvictPodAsync(string ns, string pod, CancellationToken cancellationToken) =>
        _client.CoreV1.CreateNamespacedPodEvictionAsync(
            new V1Eviction { Metadata = new V1ObjectMeta { Name = pod, NamespaceProperty = ns } }, pod, ns, cancellationToken: cancellationToken);
}
