using System.Globalization;
using System.Text.RegularExpressions;

namespace Dqe.Core.Benchmarks.ClickHouseData;

/// <summary>
/// Which rows a ClickHouse suite gets at a scale. ClickBench: the in-server generator, scale = row count (10k, 100k,
/// 1m). TPC-H: <c>gen_tiny</c> / <c>gen_sfN</c> = the in-server generator at scale factor 0.01 / N (works on any
/// server, 18.16 included); any other scale (<c>tiny</c>, <c>sf1</c>, <c>sf10</c>, ...) = the lake's Parquet files,
/// read once with the <c>s3()</c> table function (ClickHouse 21+).
/// </summary>
internal static partial class SuiteSources
{
    private const string Prefix = "benchmarks/clickhouse/";

    /// <summary>True when the suite has tables to prepare (setup scripts under benchmarks/clickhouse/&lt;suite&gt;/).</summary>
    public static bool HasTables(string suite) => TableNames(suite).Any();

    /// <summary>Throws <see cref="ArgumentException"/> (field "scale") for a scale the suite cannot have.</summary>
    public static TableSource For(string suite, string scale, ClickHouseDataOptions options)
    {
        var tables = Tables(suite);
        if (suite == "clickbench")
        {
            return Generated(suite, tables, new Dictionary<string, long> { ["{rows}"] = RowsForScale(scale) });
        }

        if (suite != "tpch")
        {
            throw new ArgumentException($"scale: no data source for clickhouse/{suite}.", nameof(scale));
        }

        if (GeneratedScaleFactor(scale) is { } sf)
        {
            return Generated(suite, tables, new Dictionary<string, long>
            {
                ["{suppliers}"] = Rows("supplier", sf), ["{parts}"] = Rows("part", sf), ["{customers}"] = Rows("customer", sf), ["{orders}"] = Rows("orders", sf),
            });
        }

        if (options.LakeBucket is not { } bucket || options.LakeRegion is not { } region)
        {
            throw new ArgumentException($"scale: TPC-H '{scale}' is read from the lake (curated/tpch/{scale}/); give the lake bucket and region, or use a generated scale (gen_tiny, gen_sf1).", nameof(scale));
        }

        return IsLakeScale(scale)
            ? new TableSource(tables, t => $"s3('{ParquetUrl(bucket, region, scale, t.Name)}', 'Parquet')", "loaded from the lake")
            : throw new ArgumentException($"scale: TPC-H lake scales are tiny or sfN (sf1, sf10, ...), got '{scale}'.", nameof(scale));
    }

    public static string ParquetUrl(string bucket, string region, string scale, string table) => LakeData.TpchLakeLayout.ObjectsUrl(bucket, region, scale, table);

    public static long RowsForScale(string scale)
    {
        var text = scale.Trim().ToLowerInvariant();
        var multiplier = text.EndsWith('k') ? 1_000L : text.EndsWith('m') ? 1_000_000L : 1L;
        var digits = multiplier == 1 ? text : text[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= 10_000_000_000 / multiplier
            ? n * multiplier
            : throw new ArgumentException($"scale: ClickBench scale is a row count like 10k, 100k or 1m, got '{scale}'.", nameof(scale));
    }

    /// <summary>gen_tiny = 0.01, gen_sfN = N (0 &lt; N &lt;= 100: beyond that, load from the lake); null for other scales.</summary>
    internal static double? GeneratedScaleFactor(string scale)
    {
        if (!scale.StartsWith("gen_", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = scale[4..];
        return rest == "tiny" ? 0.01
            : rest.StartsWith("sf", StringComparison.Ordinal) && double.TryParse(rest[2..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var sf) && sf is > 0 and <= 100 ? sf
            : throw new ArgumentException($"scale: generated TPC-H scales are gen_tiny or gen_sfN with 0 < N <= 100, got '{scale}'.", nameof(scale));
    }

    private static long Rows(string table, double sf) => Math.Max(1, (long)Math.Round(LakeData.TpchRowCounts.PerScaleFactor(table) * sf));

    // Counts are validated integers: substituted as text because 18.16 has no server-side query parameters.
    private static TableSource Generated(string suite, IReadOnlyList<TableTemplate> tables, Dictionary<string, long> sizes) => new(tables, t =>
    {
        var select = string.Join('\n', QueryCatalog.Script($"clickhouse/{suite}/{t.Name}.generate.sql").ReplaceLineEndings("\n").Split('\n')
            .Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)));
        select = sizes.Aggregate(select, (sql, size) => sql.Replace(size.Key, size.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        return $"(\n{select.Trim()}\n)";
    }, "generated");

    private static List<TableTemplate> Tables(string suite) =>
        [.. TableNames(suite).Select(t => TableTemplate.Parse(t, QueryCatalog.Script($"clickhouse/{suite}/{t}.ddl.sql")))];

    private static IEnumerable<string> TableNames(string suite) => typeof(SuiteSources).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith($"{Prefix}{suite}/", StringComparison.Ordinal) && n.EndsWith(".ddl.sql", StringComparison.Ordinal))
        .Select(n => n[(Prefix.Length + suite.Length + 1)..^".ddl.sql".Length])
        .Order(StringComparer.Ordinal);

    /// <summary>True for the TPC-H scales read from the lake (tiny, sfN): the ones the Trino lake writer produces.</summary>
    public static bool IsLakeScale(string scale) => LakeScale().IsMatch(scale);

    /// <summary>The TPC-H tables (one per template), in name order.</summary>
    public static IReadOnlyList<TableTemplate> TpchTables() => Tables("tpch");

    [GeneratedRegex("^(tiny|sf[0-9]+(\\.[0-9]+)?)$")]
    private static partial Regex LakeScale();
}
