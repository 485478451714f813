using Dqe.Core.Benchmarks;

namespace Dqe.Core.Tests.Benchmarks;

public class QueryCatalogTests
{
    [Theory]
    [InlineData("trino", "tpch", 22)]
    [InlineData("clickhouse", "clickbench", 43)]
    public void Embedded_Suite_HasEveryQueryWithHeader(string engine, string suite, int count)
    {
        var queries = QueryCatalog.Embedded.Resolve(engine, suite);

        Assert.Equal(count, queries.Count);
        Assert.All(queries, q => Assert.False(string.IsNullOrWhiteSpace(q.Sql)));
        Assert.All(queries, q => Assert.DoesNotContain("-- id:", q.Sql, StringComparison.Ordinal));
        Assert.Equal(queries.Select(q => q.Id).Order(StringComparer.Ordinal), queries.Select(q => q.Id));
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
        Assert.Contains("CREATE TABLE IF NOT EXISTS hits", QueryCatalog.Script("clickhouse/hits.ddl.sql"), StringComparison.Ordinal);
        Assert.Contains("{rows:UInt64}", QueryCatalog.Script("clickhouse/hits.generate.sql"), StringComparison.Ordinal);
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
