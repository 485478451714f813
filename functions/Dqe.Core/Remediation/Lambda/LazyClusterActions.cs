using Dqe.Core.Remediation.Actions;

namespace Dqe.Core.Remediation.Lambda;

/// <summary>Builds the Kubernetes client on the first runbook call, so the functions that never act (webhook, verify, escalate) need no EKS settings.</summary>
internal sealed class LazyClusterActions(Func<IClusterActions> create) : IClusterActions
{
    private readonly Lazy<IClusterActions> _inner = new(create);

    public Task DeletePodAsync(string ns, string pod, CancellationToken cancellationToken) => _inner.Value.DeletePodAsync(ns, pod, cancellationToken);

    public Task<int> GetReplicasAsync(WorkloadKind kind, string ns, string name, CancellationToken cancellationToken) =>
        _inner.Value.GetReplicasAsync(kind, ns, name, cancellationToken);

    public Task SetReplicasAsync(WorkloadKind kind, string ns, string name, int replicas, CancellationToken cancellationToken) =>
        _inner.Value.SetReplicasAsync(kind, ns, name, replicas, cancellationToken);

    public Task CordonNodeAsync(string node, CancellationToken cancellationToken) => _inner.Value.CordonNodeAsync(node, cancellationToken);

    public Task<IReadOnlyList<(string Namespace, string Name)>> ListEvictablePodsAsync(string node, CancellationToken cancellationToken) =>
        _inner.Value.ListEvictablePodsAsync(node, cancellationToken);

    public Task EvictPodAsync(string ns, string pod, CancellationToken cancellationToken) => _inner.Value.EvictPodAsync(ns, pod, cancellationToken);
}
