using Dqe.Core.Benchmarks;

namespace Dqe.Core.Tests.Benchmarks;

public class QueryCatalogTests
{
    [Theory]
    [InlineData("trino", "tpch", 22)]
    [InlineData("trino", "tpcds", 24)]
    [InlineData("clickhouse", "tpch", 22)]
    [InlineData("clickhouse", "clickbench", 43)]
    public void Embedded_Suite_HasEveryQueryWithHeader(string engine, string suite, int count)
    {
        var queries = QueryCatalog.Embedded.Resolve(engine, suite);

        Assert.Equal(count, queries.Count);
        Assert.All(queries, q => Assert.False(string.IsNullOrWhiteSpace(q.Sql)));
        Assert.All(queries, q => Assert.DoesNotContain("-- id:", q.Sql, StringComparison.Ordinal));
        Assert.Equal(queries.Select(q => q.Id).Order(StringComparer.Ordinal), queries.Select(q => q.Id));
        Assert.All(queries, q => Assert.Matches("^q[0-9]{2}$", q.Id));
        Assert.All(queries, q => Assert.True(ServerVersion.TryParse(q.MinVersion, out _), $"{q.Id}: min-version '{q.MinVersion}'"));
        Assert.All(queries, q => Assert.Equal((engine, suite), (q.Engine, q.Suite)));
    }

    [Fact]
    public void Embedded_Suites_AreExactlyTheFourEngineSuitePairs()
    {
        Assert.Equal([("clickhouse", "clickbench"), ("clickhouse", "tpch"), ("trino", "tpcds"), ("trino", "tpch")], QueryCatalog.Embedded.Suites);
    }

    [Fact]
    public void Embedded_TpcDs_HasAtLeastTwentyQueriesWithTpcDsColumnNames()
    {
        var queries = QueryCatalog.Embedded.Resolve("trino", "tpcds");

        Assert.True(queries.Count >= 20, $"{queries.Count} TPC-DS queries");
        // The tpcds connector keeps the prefixed column names (ss_sold_date_sk, d_year, ...).
        Assert.All(queries, q => Assert.Matches("\\b(ss|cs|ws)_[a-z_]+\\b", q.Sql));
    }

    [Theory]
    [InlineData("trino", "tpch", "q01", 4)]
    [InlineData("trino", "tpch", "q22", 7)]
    [InlineData("trino", "tpcds", "q96", 1)]
    [InlineData("clickhouse", "tpch", "q06", 1)]
    public void Embedded_ScaleIndependentCount_AppliesAtEveryScale(string engine, string suite, string id, long rows)
    {
        var query = QueryCatalog.Embedded.Resolve(engine, suite, [id])[0];

        Assert.Equal(rows, query.ExpectedRowsAt("tiny"));
        Assert.Equal(rows, query.ExpectedRowsAt("sf1000"));
    }

    [Theory]
    [InlineData("trino", "tpch", "q18")]
    [InlineData("trino", "tpch", "q09")]
    [InlineData("trino", "tpcds", "q03")]
    public void Embedded_ScaleDependentCount_IsLeftUnset(string engine, string suite, string id)
    {
        Assert.Empty(QueryCatalog.Embedded.Resolve(engine, suite, [id])[0].ExpectedRows);
    }

    [Fact]
    public void Embedded_ClickHouseTpch_GeneratedScaleCountsOnlyForGeneratedData()
    {
        var q18 = QueryCatalog.Embedded.Resolve("clickhouse", "tpch", ["q18"])[0];

        Assert.Equal(0, q18.ExpectedRowsAt("gen_tiny"));
        Assert.Null(q18.ExpectedRowsAt("tiny")); // lake data (dbgen) differs from the generator's
    }

    [Fact]
    public void Embedded_ClickBench_ExpectedRowsPerScale()
    {
        var q38 = QueryCatalog.Embedded.Resolve("clickhouse", "clickbench", ["q38"])[0];

        Assert.Equal(0, q38.ExpectedRowsAt("10k"));
        Assert.Equal(10, q38.ExpectedRowsAt("100k"));
        Assert.Null(q38.ExpectedRowsAt("1m"));
    }

    [Fact]
    public void Embedded_TpchWildcardScale_AppliesEverywhere()
    {
        var q01 = QueryCatalog.Embedded.Resolve("trino", "tpch", ["q01"])[0];

        Assert.Equal(4, q01.ExpectedRowsAt("sf100"));
    }

    [Fact]
    public void Resolve_UnknownQueryId_ErrorNamesIdAndSuite()
    {
        var error = Assert.Throws<BenchmarkException>(() => QueryCatalog.Embedded.Resolve("trino", "tpch", ["q01", "q99"]));

        Assert.Contains("q99", error.Message, StringComparison.Ordinal);
        Assert.Contains("trino/tpch", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("queries:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnknownSuite_ListsKnownSuites()
    {
        var error = Assert.Throws<BenchmarkException>(() => QueryCatalog.Embedded.Resolve("clickhouse", "tpcx"));

        Assert.Contains("clickhouse/clickbench", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_HitsSetup_IsEmbedded()
    {
        Assert.Contains("CREATE TABLE IF NOT EXISTS {table}", QueryCatalog.Script("clickhouse/clickbench/hits.ddl.sql"), StringComparison.Ordinal);
        Assert.Contains("LIMIT {rows}", QueryCatalog.Script("clickhouse/clickbench/hits.generate.sql"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-- min-version: 1\n-- expected-rows: *=1\nSELECT 1", "'id'")]
    [InlineData("-- id: q02\n-- min-version: 1\nSELECT 1", "'id'")]
    [InlineData("-- id: q01\nSELECT 1", "'min-version'")]
    [InlineData("-- id: q01\n-- min-version: 1\n-- expected-rows: sf1=x\nSELECT 1", "'expected-rows'")]
    [InlineData("-- id: q01\n-- min-version: 1\n", "no SQL")]
    public void FromFiles_BadHeader_ErrorNamesFileAndField(string text, string field)
    {
        var error = Assert.Throws<BenchmarkException>(() => QueryCatalog.FromFiles([("e/s/q01.sql", text)]));

        Assert.StartsWith("e/s/q01.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_TrailingSemicolonAndComments_Stripped()
    {
        var catalog = QueryCatalog.FromFiles([("e/s/q01.sql", "-- id: q01\n-- min-version: 2.1\n-- a note\n\nSELECT 1;\n")]);

        Assert.Equal("SELECT 1", catalog.Resolve("e", "s")[0].Sql);
    }

    [Theory]
    [InlineData("18.16.1", "18.16", true)]
    [InlineData("18.16.1", "19.1", false)]
    [InlineData("435", "350", true)]
    [InlineData("435-e.1", "436", false)]
    [InlineData(null, "999", true)]
    public void ServerVersion_Satisfies(string? server, string minimum, bool expected)
    {
        Assert.Equal(expected, ServerVersion.Satisfies(server, minimum));
    }
}
