using Dqe.Core.Benchmarks.ClickHouseData;
using Dqe.Core.Benchmarks.LakeData;
using Dqe.TestServers;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>
/// A Trino with a tpch catalog and a Hive catalog on the lake, modelled on the replay server: the statements the lake
/// writer sends are scripted as a coordinator answers them, and a CTAS, once finished, makes its table visible to the
/// statements that follow (information_schema, count, SHOW STATS with the row count the CTAS recorded). Row counts are
/// those of Trino's tpch.tiny and tpch.sf1. information_schema is answered for all eight tables and for each one alone
/// (the workflow's per-table calls).
/// </summary>
internal sealed class TpchLakeTrino
{
    public static readonly IReadOnlyDictionary<string, long> TinyRows = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["customer"] = 1500, ["lineitem"] = 60175, ["nation"] = 25, ["orders"] = 15000, ["part"] = 2000, ["partsupp"] = 8000, ["region"] = 5, ["supplier"] = 100,
    };

    public static readonly IReadOnlyDictionary<string, long> Sf1Rows = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["customer"] = 150_000, ["lineitem"] = 6_001_215, ["nation"] = 25, ["orders"] = 1_500_000, ["part"] = 200_000, ["partsupp"] = 800_000, ["region"] = 5, ["supplier"] = 10_000,
    };

    private readonly TrinoReplayServer _server;
    private readonly TpchLakeOptions _options;
    private readonly Dictionary<string, (long Rows, string Path, long? Statistics)> _hive = new(StringComparer.Ordinal);
    private readonly HashSet<string> _objectsOnly = new(StringComparer.Ordinal);

    public TpchLakeTrino(TrinoReplayServer server, TpchLakeOptions options)
    {
        _server = server;
        _options = options;
        SourceRows = options.Scale switch
        {
            "tiny" => TinyRows,
            "sf1" => Sf1Rows,
            _ => throw new ArgumentException($"the model knows tpch.tiny and tpch.sf1, not {options.Scale}", nameof(options)),
        };
        Rescript();
    }

    /// <summary>Row counts of the tpch schema the writer reads.</summary>
    public IReadOnlyDictionary<string, long> SourceRows { get; }

    /// <summary>Statements sent per CTAS target (hive table name → count), to prove a second run writes nothing.</summary>
    public Dictionary<string, int> Writes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A Hive table that exists before the writer runs (as another run or a person left it). Its statistics hold the row
    /// count the CTAS that wrote it recorded: <paramref name="statistics"/>, default <paramref name="rows"/>; none when
    /// <paramref name="withStatistics"/> is false (written by something that keeps no statistics).
    /// </summary>
    public void Existing(string table, long rows, string? path = null, bool withStatistics = true, long? statistics = null)
    {
        _hive[_options.TableName(table)] = (rows, path ?? $"{TpchLakeLayout.S3Location(_options.LakeBucket, _options.Scale, table)}20260101_000000_00001_abcde_0b5e",
            withStatistics ? statistics ?? rows : null);
        Rescript();
    }

    /// <summary>Statements that counted the generator (the costly side of the check), to prove a re-run does not.</summary>
    public int GeneratorCounts => _server.Requests.Count(r => r.Body.StartsWith($"SELECT count(*) AS n FROM \"{_options.SourceCatalog}\".", StringComparison.Ordinal));

    /// <summary>The CTAS of <paramref name="table"/> fails as the hive connector fails it when objects already sit at the location.</summary>
    public void ObjectsWithoutTable(string table)
    {
        _objectsOnly.Add(table);
        Rescript();
    }

    private void Rescript()
    {
        var all = SuiteSources.TpchTables().Select(t => _options.TableName(t.Name)).ToList();
        foreach (var names in all.Select(n => new[] { n }).Prepend([.. all]))
        {
            _server.Script(
                $"SELECT table_name FROM \"{_options.Catalog}\".information_schema.tables WHERE table_schema = '{_options.Schema}' AND table_name IN ({string.Join(", ", names.Select(n => $"'{n}'"))})",
                TrinoScript.Rows([("table_name", "varchar")], [.. _hive.Keys.Where(names.Contains).Order(StringComparer.Ordinal).Select(k => new object?[] { k })]));
        }

        foreach (var table in SuiteSources.TpchTables())
        {
            var hive = _options.TableName(table.Name);
            var rows = SourceRows[table.Name];
            _server.Script($"SELECT count(*) AS n FROM \"{_options.SourceCatalog}\".\"{_options.Scale}\".\"{table.Name}\"", TrinoScript.Rows([("n", "bigint")], [[rows]]));
            if (_hive.TryGetValue(hive, out var existing))
            {
                _server.Script($"SELECT count(*) AS n, min(\"$path\") AS path FROM \"{_options.Catalog}\".\"{_options.Schema}\".\"{hive}\"",
                    TrinoScript.Rows([("n", "bigint"), ("path", "varchar")], [[existing.Rows, existing.Rows > 0 ? existing.Path : null]]));
                _server.Script($"SHOW STATS FOR \"{_options.Catalog}\".\"{_options.Schema}\".\"{hive}\"", Statistics(table, existing.Statistics));
            }

            var location = TpchLakeLayout.S3Location(_options.LakeBucket, _options.Scale, table.Name);
            _server.Script(TpchLakeWriter.CreateTableAs(_options, table), _objectsOnly.Contains(table.Name)
                ? TrinoScript.Failure(TpchLakeWriter.PathExists, 16777231, "EXTERNAL", $"Target directory for table '{_options.Schema}.{hive}' already exists: {location}")
                : _hive.ContainsKey(hive)
                ? TrinoScript.Failure("TABLE_ALREADY_EXISTS", 19, "USER_ERROR", $"line 1:1: Table '{_options.Catalog}.{_options.Schema}.{hive}' already exists")
                : new TrinoScript(TrinoScript.Update("CREATE TABLE", rows).Steps) { Finished = () => Created(table.Name, hive, rows) });
        }
    }

    // One row per column (no row count there) and the summary row without a column name, as SHOW STATS answers.
    private static TrinoScript Statistics(TableTemplate table, long? rows) => TrinoScript.Rows(
        [("column_name", "varchar"), ("data_size", "double"), ("distinct_values_count", "double"), ("nulls_fraction", "double"), ("row_count", "double"), ("low_value", "varchar"), ("high_value", "varchar")],
        [.. table.Columns.Select(c => new object?[] { c, null, rows is null ? null : (double)Math.Min(rows.Value, 1000), rows is null ? null : 0.0, null, null, null }),
            [null, null, null, null, rows is null ? null : (double)rows.Value, null, null]]);

    private void Created(string table, string hive, long rows)
    {
        Writes[hive] = Writes.GetValueOrDefault(hive) + 1;
        Existing(table, rows);
    }
}
