using Dqe.Core.Engines;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>An engine answering from a table of SQL → rows (or an error), for logic that sits above the clients.</summary>
internal sealed class FakeQueryEngine : IQueryEngine
{
    private readonly Dictionary<string, Func<QueryResult>> _answers = new(StringComparer.Ordinal);

    public string Name => "fake";

    public List<string> Executed { get; } = [];

    public void Answer(string sql, params Dictionary<string, object?>[] rows) => _answers[sql] = () => new QueryResult(new Source(rows));

    public void Fail(string sql, QueryEngineException error) => _answers[sql] = () => throw error;

    public Task<QueryResult> ExecuteAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        Executed.Add(request.Sql);
        return _answers.TryGetValue(request.Sql, out var answer)
            ? Task.FromResult(answer())
            : throw new InvalidOperationException($"FakeQueryEngine: no answer for '{request.Sql}'.");
    }

    private sealed class Source : IRowBatchSource
    {
        private RowBatch? _batch;

        public Source(Dictionary<string, object?>[] rows)
        {
            var names = rows.SelectMany(r => r.Keys).Distinct().ToList();
            Columns = [.. names.Select(n => new QueryColumn(n, "Object", typeof(object)))];
            var vectors = names.Select(name =>
            {
                var vector = new TypedColumnVector<object>(rows.Length);
                foreach (var row in rows)
                {
                    if (row.GetValueOrDefault(name) is { } value)
                    {
                        vector.Append(value);
                    }
                    else
                    {
                        vector.AppendNull();
                    }
                }

                return (ColumnVector)vector;
            }).ToArray();
            _batch = rows.Length == 0 ? null : new RowBatch(vectors);
        }

        public string QueryId => "fake";

        public IReadOnlyList<QueryColumn> Columns { get; }

        public QueryStats Stats => QueryStats.Empty;

        public string? UpdateType => null;

        public long? UpdateCount => null;

        public IReadOnlyList<QueryWarning> Warnings => [];

        public ValueTask<RowBatch?> ReadBatchAsync(CancellationToken cancellationToken)
        {
            var batch = _batch;
            _batch = null;
            return ValueTask.FromResult(batch);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
