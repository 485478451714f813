using Dqe.Core.Engines;

namespace Dqe.Core.Remediation.Actions;

/// <summary>
/// <see cref="IEngineActions"/> with SQL: Trino's <c>system.runtime.kill_query</c> and ClickHouse's
/// <c>SYSTEM RESTART REPLICA(S)</c> sent to the replica's own host. Identifiers were validated by the registry.
/// </summary>
public sealed class QueryEngineActions : IEngineActions
{
    private readonly IQueryEngine _trino;
    private readonly Func<string, string, IQueryEngine> _clickHouseReplica;

    /// <param name="trino">Client of the Trino coordinator.</param>
    /// <param name="clickHouseReplica">Client of one ClickHouse replica, given (namespace, pod).</param>
    public QueryEngineActions(IQueryEngine trino, Func<string, string, IQueryEngine> clickHouseReplica)
    {
        _trino = trino;
        _clickHouseReplica = clickHouseReplica;
    }

    public async Task CancelTrinoQueryAsync(string queryId, string reason, CancellationToken cancellationToken)
    {
        var sql = $"CALL system.runtime.kill_query(query_id => '{Escape(queryId)}', message => '{Escape(reason)}')";
        await DrainAsync(_trino, sql, cancellationToken).ConfigureAwait(false);
    }

    public async Task RestartClickHouseReplicaAsync(string ns, string pod, string? table, CancellationToken cancellationToken)
    {
        var sql = table is null ? "SYSTEM RESTART REPLICAS" : $"SYSTEM RESTART REPLICA {table}";
        await DrainAsync(_clickHouseReplica(ns, pod), sql, cancellationToken).ConfigureAwait(false);
    }

    private static async Task DrainAsync(IQueryEngine engine, string sql, CancellationToken cancellationToken)
    {
        var result = await engine.ExecuteAsync(new QueryRequest(sql), cancellationToken).ConfigureAwait(false);
        await using (result.ConfigureAwait(false))
        {
            await result.DrainAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Escape(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
