namespace Dqe.Core.Remediation.Actions;

/// <summary>The Kubernetes operations the runbooks need; <see cref="KubernetesClusterActions"/> implements them over IKubernetes.</summary>
public interface IClusterActions
{
    Task DeletePodAsync(string ns, string pod, CancellationToken cancellationToken);

    Task<int> GetReplicasAsync(WorkloadKind kind, string ns, string name, CancellationToken cancellationToken);

    Task SetReplicasAsync(WorkloadKind kind, string ns, string name, int replicas, CancellationToken cancellationToken);

    Task CordonNodeAsync(string node, CancellationToken cancellationToken);

    /// <summary>Pods on the node that a drain evicts (DaemonSet and mirror pods excluded), as (namespace, name).</summary>
    Task<IReadOnlyList<(string Namespace, string Name)>> ListEvictablePodsAsync(string node, CancellationToken cancellationToken);

    /// <summary>Evicts through the Eviction API, so PodDisruptionBudgets are honoured.</summary>
    Task EvictPodAsync(string ns, string pod, CancellationToken cancellationToken);
}
