namespace Dqe.Core.Engines;

/// <summary>
/// One SQL engine the workflows talk to (Trino, ClickHouse, ...). Results stream: the returned
/// <see cref="QueryResult"/> knows its columns, and rows are pulled page by page as the caller enumerates.
/// </summary>
public interface IQueryEngine
{
    /// <summary>Short engine name used in reports and CLI output ("trino", "clickhouse").</summary>
    string Name { get; }

    /// <summary>Submits <paramref name="request"/> and returns once the columns are known (or the statement finished).</summary>
    Task<QueryResult> ExecuteAsync(QueryRequest request, CancellationToken cancellationToken);
}
