using Dqe.Core.Engines;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>
/// An engine whose answers come from a function of the SQL and the call number: it advances the fake clock by
/// the scripted latency (so wall times are exact) and returns the scripted number of zero-column rows.
/// </summary>
internal sealed class ScriptedQueryEngine(FakeTimeProvider time, Func<string, int, ScriptedAnswer> script) : IQueryEngine
{
    private int _calls;

    public string Name => "fake";

    public List<string> Executed { get; } = [];

    public Task<QueryResult> ExecuteAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        lock (Executed)
        {
            Executed.Add(request.Sql);
        }

        var answer = script(request.Sql, Interlocked.Increment(ref _calls));
        if (answer.Error is { } error)
        {
            throw error;
        }

        time.Advance(TimeSpan.FromMilliseconds(answer.LatencyMs));
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new QueryResult(new Source(answer)));
    }

    private sealed class Source(ScriptedAnswer answer) : IRowBatchSource
    {
        private bool _done;

        public string QueryId => "q";

        public IReadOnlyList<QueryColumn> Columns => answer.Value is null ? [] : [new QueryColumn("version", "varchar", typeof(string))];

        public QueryStats Stats => QueryStats.Empty with { State = "FINISHED", ElapsedMillis = (long)answer.LatencyMs, CpuMillis = 1, ProcessedRows = 1000, ProcessedBytes = 4096 };

        public string? UpdateType => null;

        public long? UpdateCount => null;

        public IReadOnlyList<QueryWarning> Warnings => [];

        public ValueTask<RowBatch?> ReadBatchAsync(CancellationToken cancellationToken)
        {
            if (_done)
            {
                return ValueTask.FromResult<RowBatch?>(null);
            }

            _done = true;
            if (answer.Value is { } value)
            {
                var column = new TypedColumnVector<string>(1);
                column.Append(value);
                return ValueTask.FromResult<RowBatch?>(new RowBatch([column]));
            }

            var batch = new RowBatch([]);
            for (var i = 0; i < answer.Rows; i++)
            {
                batch.AddZeroColumnRow();
            }

            return ValueTask.FromResult<RowBatch?>(answer.Rows == 0 ? null : batch);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

internal sealed record ScriptedAnswer(double LatencyMs, long Rows, Exception? Error = null, string? Value = null)
{
    public static ScriptedAnswer Version(string version) => new(0, 1, Value: version);
}
