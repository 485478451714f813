namespace Dqe.Core.Engines;

/// <summary><see cref="ISqlRunner"/> over any <see cref="IQueryEngine"/>.</summary>
public sealed class QueryEngineSqlRunner(IQueryEngine engine) : ISqlRunner
{
    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(string sql, CancellationToken cancellationToken) =>
        engine.QueryRowsAsync(new QueryRequest(sql), cancellationToken);
}
