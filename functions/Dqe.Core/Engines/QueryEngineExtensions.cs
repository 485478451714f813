using System.Globalization;

namespace Dqe.Core.Engines;

/// <summary>Conveniences for small results (health checks, counts): read everything as name → value rows.</summary>
public static class QueryEngineExtensions
{
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryRowsAsync(
        this IQueryEngine engine, QueryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        await using var result = await engine.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        await foreach (var row in result.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < row.FieldCount; i++)
            {
                values[result.Columns[i].Name] = row.GetValue(i);
            }

            rows.Add(values);
        }

        return rows;
    }

    /// <summary>A numeric column as long whatever its width (UInt8, UInt64, Int32 ...); 0 when absent or NULL.</summary>
    public static long Int64(this IReadOnlyDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value is not null ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;

    public static string Text(this IReadOnlyDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" : "";
}
