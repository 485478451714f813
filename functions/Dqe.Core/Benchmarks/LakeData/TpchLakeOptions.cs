using System.Text.RegularExpressions;
using Dqe.Core.Benchmarks.ClickHouseData;

namespace Dqe.Core.Benchmarks.LakeData;

/// <summary>
/// What the Trino lake writer writes: the TPC-H tables of <paramref name="Scale"/> from Trino's <c>tpch</c> catalog as
/// Parquet under <c>s3://&lt;LakeBucket&gt;/curated/tpch/&lt;scale&gt;/&lt;table&gt;/</c>, registered as external tables
/// <c>tpch_&lt;scale&gt;_&lt;table&gt;</c> in <paramref name="Schema"/> of the Hive catalog.
/// </summary>
/// <param name="LakeBucket">Lake bucket (Trino's role may write <c>curated/</c>).</param>
/// <param name="Scale">A lake scale: <c>tiny</c> or <c>sfN</c> (the Trino tpch schema of the same name).</param>
/// <param name="Schema">Hive schema = the lake's Glue database (<c>dqe_&lt;env&gt;_lake</c>): Trino's role may create tables there, not databases.</param>
/// <param name="Catalog">Trino catalog on the lake (<c>hive</c>).</param>
/// <param name="SourceCatalog">Trino catalog of the TPC-H generator (<c>tpch</c>).</param>
/// <param name="Tables">The tables of this call (one per workflow Map iteration); null = all eight.</param>
internal sealed partial record TpchLakeOptions(string LakeBucket, string Scale, string Schema, string Catalog = "hive", string SourceCatalog = "tpch", IReadOnlyList<string>? Tables = null)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the field.</summary>
    public void Validate()
    {
        Require(ClickHouseDataOptions.BucketName().IsMatch(LakeBucket ?? ""), "lakeBucket", $"must be an S3 bucket name (3-63 lowercase letters, digits, '.', '-'), got '{LakeBucket}'");
        Require(SuiteSources.IsLakeScale(Scale ?? ""), "scale", $"TPC-H lake scales are tiny or sfN (sf1, sf10, ...), got '{Scale}'");
        Require(Identifier().IsMatch(Schema ?? ""), "schema", $"must be a lower-case identifier like dqe_prod_lake, got '{Schema}'");
        Require(Identifier().IsMatch(Catalog ?? ""), "catalog", $"must be a lower-case identifier like hive, got '{Catalog}'");
        Require(Identifier().IsMatch(SourceCatalog ?? ""), "sourceCatalog", $"must be a lower-case identifier like tpch, got '{SourceCatalog}'");
        var known = SuiteSources.TpchTables().Select(t => t.Name).ToList();
        var unknown = Tables?.FirstOrDefault(t => !known.Contains(t));
        Require(Tables is null || (Tables.Count > 0 && unknown is null && Tables.Distinct().Count() == Tables.Count), "tables",
            $"must be distinct TPC-H tables ({string.Join(", ", known)}), got [{string.Join(", ", Tables ?? [])}]");
    }

    /// <summary>The TPC-H tables this call covers, in name order.</summary>
    public IReadOnlyList<TableTemplate> Selected() => [.. SuiteSources.TpchTables().Where(t => Tables is null || Tables.Contains(t.Name))];

    /// <summary>The Hive table of one TPC-H table, e.g. <c>tpch_sf1_lineitem</c> (<c>sf0.5</c> → <c>tpch_sf0_5_...</c>).</summary>
    public string TableName(string table) => $"tpch_{Scale.Replace('.', '_')}_{table}";

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{field}: {message}.", field);
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,127}$")]
    private static partial Regex Identifier();
}
