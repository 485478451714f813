using Dqe.Core.Remediation.Actions;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>In-memory cluster: records every change; <see cref="FailWith"/> makes every call throw.</summary>
public sealed class FakeClusterActions : IClusterActions, IEngineActions
{
    public List<string> Changes { get; } = [];

    public Dictionary<string, int> Replicas { get; } = new(StringComparer.Ordinal);

    public List<(string Namespace, string Name)> PodsOnNode { get; } = [];

    public string? FailWith { get; set; }

    public Task DeletePodAsync(string ns, string pod, CancellationToken cancellationToken) => Change($"delete pod {ns}/{pod}");

    public Task<int> GetReplicasAsync(WorkloadKind kind, string ns, string name, CancellationToken cancellationToken)
    {
        Fail();
        return Task.FromResult(Replicas.GetValueOrDefault($"{ns}/{name}"));
    }

    public Task SetReplicasAsync(WorkloadKind kind, string ns, string name, int replicas, CancellationToken cancellationToken)
    {
        Replicas[$"{ns}/{name}"] = replicas;
        return Change($"scale {kind} {ns}/{name} {replicas}");
    }

    public Task CordonNodeAsync(string node, CancellationToken cancellationToken) => Change($"cordon {node}");

    public Task<IReadOnlyList<(string Namespace, string Name)>> ListEvictablePodsAsync(string node, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(string Namespace, string Name)>>(PodsOnNode);

    public Task EvictPodAsync(string ns, string pod, CancellationToken cancellationToken) => Change($"evict {ns}/{pod}");

    public Task CancelTrinoQueryAsync(string queryId, string reason, CancellationToken cancellationToken) => Change($"kill query {queryId}");

    public Task RestartClickHouseReplicaAsync(string ns, string pod, string? table, CancellationToken cancellationToken) =>
        Change($"restart replica {ns}/{pod} {table ?? "*"}");

    private Task Change(string change)
    {
        Fail();
        Changes.Add(change);
        return Task.CompletedTask;
    }

    private void Fail()
    {
        if (FailWith is not null)
        {
            throw new InvalidOperationException(FailWith);
        }
    }
}
