using System.Globalization;
using Dqe.Core.Engines;

namespace Dqe.Core.Benchmarks;

/// <summary>
/// Makes sure the local ClickBench <c>hits</c> table holds exactly the generated rows for a scale
/// (<c>10k</c>, <c>100k</c>, <c>1m</c> or a plain row count). The generator is deterministic, so a table
/// with the right count is reused and only a wrong count is regenerated.
/// </summary>
internal sealed class ClickBenchData(IQueryEngine engine)
{
    public static long RowsForScale(string scale)
    {
        var text = scale.Trim().ToLowerInvariant();
        var multiplier = text.EndsWith('k') ? 1_000L : text.EndsWith('m') ? 1_000_000L : 1L;
        var digits = multiplier == 1 ? text : text[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= 10_000_000_000 / multiplier
            ? n * multiplier
            : throw new ArgumentException($"scale: ClickBench scale is a row count like 10k, 100k or 1m, got '{scale}'.", "scale");
    }

    /// <summary>Returns true when rows were (re)generated.</summary>
    public async Task<bool> EnsureAsync(string scale, CancellationToken cancellationToken)
    {
        var rows = RowsForScale(scale);
        await ExecAsync(QueryCatalog.Script("clickhouse/hits.ddl.sql"), cancellationToken).ConfigureAwait(false);
        var count = (await engine.QueryRowsAsync(new QueryRequest("SELECT count() AS n FROM hits"), cancellationToken).ConfigureAwait(false))[0].Int64("n");
        if (count == rows)
        {
            return false;
        }

        await ExecAsync("TRUNCATE TABLE hits", cancellationToken).ConfigureAwait(false);
        // Substituted as text: server-side query parameters arrived after 18.16; the value is a validated integer.
        var generate = QueryCatalog.Script("clickhouse/hits.generate.sql").Replace("{rows:UInt64}", rows.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await ExecAsync(generate, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task ExecAsync(string sql, CancellationToken cancellationToken)
    {
        await using var result = await engine.ExecuteAsync(new QueryRequest(StripComments(sql)), cancellationToken).ConfigureAwait(false);
        await result.DrainAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string StripComments(string sql) =>
        string.Join('\n', sql.ReplaceLineEndings("\n").Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
}
