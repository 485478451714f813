using Dqe.Core.Remediation.Actions;

namespace Dqe.Core.Remediation.Lambda;

/// <summary>Builds the engine clients on the first engine runbook, so the other functions need no engine settings or secrets.</summary>
internal sealed class LazyEngineActions(Func<IEngineActions> create) : IEngineActions
{
    private readonly Lazy<IEngineActions> _inner = new(create);

    public Task CancelTrinoQueryAsync(string queryId, string reason, CancellationToken cancellationToken) =>
        _inner.Value.CancelTrinoQueryAsync(queryId, reason, cancellationToken);

    public Task RestartClickHouseReplicaAsync(string ns, string pod, string? table, CancellationToken cancellationToken) =>
        _inner.Value.RestartClickHouseReplicaAsync(ns, pod, table, cancellationToken);
}
