using System.Globalization;
using Dqe.Core.Benchmarks.ClickHouseData;
using Dqe.Core.Engines;

namespace Dqe.Core.Benchmarks.LakeData;

/// <summary>
/// Writes the TPC-H tables of one scale into the lake with Trino, once: per table a CTAS from the <c>tpch</c> catalog into
/// an external Hive table in Parquet at <c>curated/tpch/&lt;scale&gt;/&lt;table&gt;/</c>, with the standard TPC-H column
/// names the ClickHouse tables have (Trino's tpch catalog names them without prefixes). A table that already exists
/// is kept when its location and row count match the generator's; anything else is reported and left alone, since
/// dropping an external table would not remove its files.
/// </summary>
internal sealed class TpchLakeWriter(IQueryEngine trino, TpchLakeOptions options)
{
    /// <summary>Trino's answer to a CTAS whose external location already holds objects.</summary>
    public const string PathExists = "HIVE_PATH_ALREADY_EXISTS";

    /// <summary>Checks every existing table of <see cref="TpchLakeOptions.Tables"/> first (a mismatch stops the call with nothing written), then writes the missing ones.</summary>
    public async Task<IReadOnlyList<LakeTableWrite>> EnsureAsync(CancellationToken cancellationToken)
    {
        var (kept, missing) = await CheckAsync(cancellationToken).ConfigureAwait(false);
        var writes = new List<LakeTableWrite>(kept);
        foreach (var table in missing)
        {
            writes.Add(await WriteAsync(table, cancellationToken).ConfigureAwait(false));
        }

        return [.. writes.OrderBy(w => w.Table, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Checks the existing tables of the selection and writes nothing: the kept ones, and the ones still to write.
    /// Throws <see cref="BenchmarkException"/> at the first table with a foreign location or a wrong count.
    /// </summary>
    public async Task<(IReadOnlyList<LakeTableWrite> Kept, IReadOnlyList<TableTemplate> Missing)> CheckAsync(CancellationToken cancellationToken)
    {
        options.Validate();
        var tables = options.Selected();
        var existing = await ExistingAsync(tables, cancellationToken).ConfigureAwait(false);
        var kept = new List<LakeTableWrite>();
        foreach (var table in tables.Where(t => existing.Contains(options.TableName(t.Name))))
        {
            kept.Add(await CheckAsync(table, cancellationToken).ConfigureAwait(false));
        }

        return (kept, [.. tables.Where(t => !existing.Contains(options.TableName(t.Name)))]);
    }

    /// <summary>The CTAS of one table: Parquet at the table's directory, standard names mapped from Trino's simplified ones.</summary>
    internal static string CreateTableAs(TpchLakeOptions options, TableTemplate table)
    {
        var location = TpchLakeLayout.S3Location(options.LakeBucket, options.Scale, table.Name);
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{SimplifiedName(c)}\" AS \"{c}\""));
        return $"CREATE TABLE \"{options.Catalog}\".\"{options.Schema}\".\"{options.TableName(table.Name)}\" WITH (format = 'PARQUET', external_location = '{location}') "
            + $"AS SELECT {columns} FROM \"{options.SourceCatalog}\".\"{options.Scale}\".\"{table.Name}\"";
    }

    /// <summary><c>l_orderkey</c> → <c>orderkey</c>, <c>ps_supplycost</c> → <c>supplycost</c>: Trino's tpch column-naming=SIMPLIFIED.</summary>
    internal static string SimplifiedName(string standard) => standard[(standard.IndexOf('_', StringComparison.Ordinal) + 1)..];

    private async Task<HashSet<string>> ExistingAsync(IReadOnlyList<TableTemplate> tables, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", tables.Select(t => $"'{options.TableName(t.Name)}'"));
        var rows = await trino.QueryRowsAsync(new QueryRequest(
            $"SELECT table_name FROM \"{options.Catalog}\".information_schema.tables WHERE table_schema = '{options.Schema}' AND table_name IN ({names})"),
            cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.Text("table_name")).ToHashSet(StringComparer.Ordinal);
    }

    // The lake side is a count(*) of Parquet files, answered from their footers; the generator side (the costly one: Trino
    // generates every row to count it) is asked only when the specification's count, or for lineitem the count the CTAS
    // recorded, does not already agree with the lake.
    private async Task<LakeTableWrite> CheckAsync(TableTemplate table, CancellationToken cancellationToken)
    {
        var (hive, location) = Names(table);
        var lake = (await trino.QueryRowsAsync(new QueryRequest($"SELECT count(*) AS n, min(\"$path\") AS path FROM {Qualified(hive)}"), cancellationToken).ConfigureAwait(false))[0];
        var rows = lake.Int64("n");
        var path = lake.Text("path");
        if (rows > 0 && !path.StartsWith(location, StringComparison.Ordinal))
        {
            throw new BenchmarkException($"setup: {options.Catalog}.{options.Schema}.{hive} exists but reads {path}, not {location}; drop it and run again.");
        }

        var kept = new LakeTableWrite(table.Name, hive, location, rows, Written: false);
        if (rows == await ExpectedAsync(table, hive, cancellationToken).ConfigureAwait(false))
        {
            return kept;
        }

        var source = (await trino.QueryRowsAsync(new QueryRequest($"SELECT count(*) AS n FROM \"{options.SourceCatalog}\".\"{options.Scale}\".\"{table.Name}\""), cancellationToken).ConfigureAwait(false))[0].Int64("n");
        return rows == source
            ? kept
            : throw new BenchmarkException($"setup: {options.Catalog}.{options.Schema}.{hive} has {rows} rows, {options.SourceCatalog}.{options.Scale}.{table.Name} has {source}; "
                + $"drop the table and delete {location} to write it again.");
    }

    /// <summary>
    /// The specification's count; for lineitem (none in the specification) the row count the writing CTAS recorded in the
    /// table's statistics, when it is a plausible lineitem count for the scale. Null = unknown without counting the generator.
    /// </summary>
    private async Task<long?> ExpectedAsync(TableTemplate table, string hive, CancellationToken cancellationToken)
    {
        if (TpchRowCounts.Exact(table.Name, options.Scale) is { } exact)
        {
            return exact;
        }

        var stats = await trino.QueryRowsAsync(new QueryRequest($"SHOW STATS FOR {Qualified(hive)}"), cancellationToken).ConfigureAwait(false);
        // The summary row is the one without a column name; its row_count is a double, NULL when the table has no statistics.
        var recorded = stats.FirstOrDefault(r => r.GetValueOrDefault("column_name") is null)?.GetValueOrDefault("row_count");
        if (recorded is null)
        {
            return null;
        }

        var rows = Convert.ToInt64(recorded, CultureInfo.InvariantCulture);
        return TpchRowCounts.PlausibleLineitem(rows, options.Scale) ? rows : null;
    }

    private async Task<LakeTableWrite> WriteAsync(TableTemplate table, CancellationToken cancellationToken)
    {
        var (hive, location) = Names(table);
        try
        {
            await using var result = await trino.ExecuteAsync(new QueryRequest(CreateTableAs(options, table)), cancellationToken).ConfigureAwait(false);
            long? reported = null;
            await foreach (var row in result.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
            {
                reported = Convert.ToInt64(row.GetValue(0), CultureInfo.InvariantCulture);
            }

            return new LakeTableWrite(table.Name, hive, location, result.UpdateCount ?? reported ?? 0, Written: true);
        }
        catch (QueryEngineException e) when (e.ErrorName == PathExists)
        {
            throw new BenchmarkException($"setup: {location} already holds objects but {options.Catalog}.{options.Schema} has no table {hive} "
                + "(written outside this writer, or the table was dropped); delete the prefix and run again.", e);
        }
    }

    private (string Hive, string Location) Names(TableTemplate table) =>
        (options.TableName(table.Name), TpchLakeLayout.S3Location(options.LakeBucket, options.Scale, table.Name));

    private string Qualified(string table) => $"\"{options.Catalog}\".\"{options.Schema}\".\"{table}\"";
}
