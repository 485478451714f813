using System.Text.Json.Nodes;

namespace Dqe.Core.Chaos.Cluster;

/// <summary>
/// The Kubernetes calls chaos runs make, and nothing else. <see cref="KubernetesChaosCluster"/> is the real
/// one (KubernetesClient); tests point it at a fake API server. Not-found on delete is success.
/// </summary>
public interface IChaosCluster
{
    Task<IReadOnlyList<PodRef>> ListPodsAsync(string ns, string labelSelector, CancellationToken cancellationToken);

    Task<IReadOnlyList<NodeRef>> ListNodesAsync(string? labelSelector, CancellationToken cancellationToken);

    /// <summary>JSON merge patch of a node (cordon/uncordon and the run labels).</summary>
    Task PatchNodeAsync(string name, JsonObject mergePatch, CancellationToken cancellationToken);

    /// <summary>Evicts through the eviction subresource, so PodDisruptionBudgets are honoured.</summary>
    Task EvictPodAsync(string ns, string name, CancellationToken cancellationToken);

    Task CreateChaosAsync(string ns, string plural, JsonObject manifest, CancellationToken cancellationToken);

    Task<IReadOnlyList<JsonObject>> ListChaosAsync(string ns, string plural, string labelSelector, CancellationToken cancellationToken);

    Task PatchChaosAsync(string ns, string plural, string name, JsonObject mergePatch, CancellationToken cancellationToken);

    Task DeleteChaosAsync(string ns, string plural, string name, CancellationToken cancellationToken);

    Task<LeaseRecord?> ReadLeaseAsync(string ns, string name, CancellationToken cancellationToken);

    /// <summary>Creates, or replaces when <see cref="LeaseRecord.ResourceVersion"/> is set; false when someone else won the race (409).</summary>
    Task<bool> WriteLeaseAsync(LeaseRecord lease, CancellationToken cancellationToken);

    Task DeleteLeaseAsync(string ns, string name, CancellationToken cancellationToken);
}
