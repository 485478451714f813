namespace Dqe.Core.Remediation.Actions;

/// <summary>The engine-side runbook operations; <see cref="QueryEngineActions"/> implements them with SQL.</summary>
public interface IEngineActions
{
    /// <summary>Kills one Trino query (<c>system.runtime.kill_query</c>).</summary>
    Task CancelTrinoQueryAsync(string queryId, string reason, CancellationToken cancellationToken);

    /// <summary>Runs <c>SYSTEM RESTART REPLICA(S)</c> on one ClickHouse replica (host = its pod).</summary>
    Task RestartClickHouseReplicaAsync(string ns, string pod, string? table, CancellationToken cancellationToken);
}
