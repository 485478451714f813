using System.Runtime.CompilerServices;

namespace Dqe.Core.Engines;

/// <summary>
/// A running or finished statement. Enumerate <see cref="ReadRowsAsync"/> once to stream its rows; only the
/// current page is held in memory. Disposing before the end cancels the statement on the engine.
/// </summary>
public sealed class QueryResult : IAsyncDisposable
{
    private readonly IRowBatchSource _source;
    private int _enumerated;

    internal QueryResult(IRowBatchSource source) => _source = source;

    public string QueryId => _source.QueryId;

    public IReadOnlyList<QueryColumn> Columns => _source.Columns;

    /// <summary>Latest stats; final once the rows have been read to the end.</summary>
    public QueryStats Stats => _source.Stats;

    /// <summary>For DDL/DML: e.g. <c>INSERT</c>, <c>CREATE TABLE</c>, <c>SET SESSION</c>.</summary>
    public string? UpdateType => _source.UpdateType;

    public long? UpdateCount => _source.UpdateCount;

    public IReadOnlyList<QueryWarning> Warnings => _source.Warnings;

    /// <summary>Streams the rows. Can be enumerated only once.</summary>
    public async IAsyncEnumerable<Row> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("The rows of a QueryResult can be read only once.");
        }

        while (await _source.ReadBatchAsync(cancellationToken).ConfigureAwait(false) is { } batch)
        {
            var count = batch.Count;
            for (var i = 0; i < count; i++)
            {
                yield return new Row(batch, i);
            }
        }
    }

    /// <summary>Reads to the end and returns the row count (for DDL/DML, or when only the count matters).</summary>
    public async Task<long> DrainAsync(CancellationToken cancellationToken)
    {
        long rows = 0;
        while (await _source.ReadBatchAsync(cancellationToken).ConfigureAwait(false) is { } batch)
        {
            rows += batch.Count;
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
