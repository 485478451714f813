using Dqe.Core.Engines;

namespace Dqe.Core.Benchmarks.ClickHouseData;

/// <summary>
/// Makes sure every table of a ClickHouse suite exists (one server or replicated + Distributed over the cluster)
/// and holds exactly the rows its source has at the scale. The sources are deterministic, so a table whose count
/// matches is reused; any other count is truncated and loaded again (once per scale, not once per run).
/// </summary>
internal sealed class ClickHouseSuiteData(IQueryEngine engine, ClickHouseDataOptions options)
{
    /// <summary>Prepares <paramref name="tables"/> of the suite (null = all; a workflow Map item names one), in name order.</summary>
    public async Task<IReadOnlyList<TableLoad>> EnsureAsync(string suite, string scale, IReadOnlyCollection<string>? tables, CancellationToken cancellationToken)
    {
        var source = SuiteSources.For(suite, scale, options);
        // On a cluster, INSERTs into a Distributed table wait until every shard has its rows, so the count that follows is final.
        IReadOnlyDictionary<string, string>? settings = options.IsCluster ? new Dictionary<string, string> { ["insert_distributed_sync"] = "1" } : null;
        var loads = new List<TableLoad>();
        foreach (var table in source.Tables.Where(t => tables is null || tables.Contains(t.Name)))
        {
            foreach (var statement in table.Create(options))
            {
                await ExecAsync(statement, null, cancellationToken).ConfigureAwait(false);
            }

            var expected = await CountAsync(source.From(table), cancellationToken).ConfigureAwait(false);
            if (await CountAsync(table.Target(options), cancellationToken).ConfigureAwait(false) == expected)
            {
                loads.Add(new TableLoad(table.Name, expected, false, source.Verb));
                continue;
            }

            await ExecAsync(table.Truncate(options), null, cancellationToken).ConfigureAwait(false);
            await ExecAsync(table.InsertFrom(options, source.From(table)), settings, cancellationToken).ConfigureAwait(false);
            var rows = await CountAsync(table.Target(options), cancellationToken).ConfigureAwait(false);
            loads.Add(rows == expected
                ? new TableLoad(table.Name, rows, true, source.Verb)
                : throw new BenchmarkException($"setup: {table.Name} has {rows} rows after it was {source.Verb}, the source has {expected}."));
        }

        return loads;
    }

    private async Task<long> CountAsync(string from, CancellationToken cancellationToken) =>
        (await engine.QueryRowsAsync(new QueryRequest($"SELECT count() AS n FROM {from}"), cancellationToken).ConfigureAwait(false))[0].Int64("n");

    private async Task ExecAsync(string sql, IReadOnlyDictionary<string, string>? settings, CancellationToken cancellationToken)
    {
        await using var result = await engine.ExecuteAsync(new QueryRequest(sql, Settings: settings), cancellationToken).ConfigureAwait(false);
        await result.DrainAsync(cancellationToken).ConfigureAwait(false);
    }
}
