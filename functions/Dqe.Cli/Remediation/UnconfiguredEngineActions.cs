using Dqe.Core.Remediation.Actions;

namespace Dqe.Cli.Remediation;

/// <summary>Locally, no engine endpoints are configured: engine runbooks fail (and so escalate) with a clear reason.</summary>
internal sealed class UnconfiguredEngineActions : IEngineActions, IClusterActions
{
    private const string EngineMessage = "engine endpoints are not configured for the local server; the AWS workflow runs engine runbooks";
    private const string ClusterMessage = "no cluster: pass --kubeconfig (or --dry-run)";

    public Task CancelTrinoQueryAsync(string queryId, string reason, CancellationToken cancellationToken) => throw new InvalidOperationException(EngineMessage);

    public Task RestartClickHouseReplicaAsync(string ns, string pod, string? table, CancellationToken cancellationToken) => throw new InvalidOperationException(EngineMessage);

    public Task DeletePodAsync(string ns, string pod, CancellationToken cancellationToken) => throw new InvalidOperationException(ClusterMessage);

    public Task<int> GetReplicasAsync(WorkloadKind kind, string ns, string name, CancellationToken cancellationToken) => throw new InvalidOperationException(ClusterMessage);

    public Task SetReplicasAsync(WorkloadKind kind, string ns, string name, int replicas, CancellationToken cancellationToken) => throw new InvalidOperationException(ClusterMessage);

    public Task CordonNodeAsync(string node, CancellationToken cancellationToken) => throw new InvalidOperationException(ClusterMessage);

    public Task<IReadOnlyList<(string Namespace, string Name)>> ListEvictablePodsAsync(string node, CancellationToken cancellationToken) => throw new InvalidOperationException(ClusterMessage);

    public Task EvictPodAsync(string ns, string pod, CancellationToken cancellationToken) => throw new InvalidOperationException(ClusterMessage);
}
