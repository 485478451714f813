namespace Dqe.Core.Engines;

/// <summary>An engine's running statement as seen by <see cref="QueryResult"/>: pages of rows plus what the engine reported.</summary>
internal interface IRowBatchSource : IAsyncDisposable
{
    string QueryId { get; }

    IReadOnlyList<QueryColumn> Columns { get; }

    QueryStats Stats { get; }

    string? UpdateType { get; }

    long? UpdateCount { get; }

    IReadOnlyList<QueryWarning> Warnings { get; }

    /// <summary>The next non-empty page, or null when the statement finished. Throws the engine's error.</summary>
    ValueTask<RowBatch?> ReadBatchAsync(CancellationToken cancellationToken);
}
