using Dqe.Core.Benchmarks.ClickHouseData;

namespace Dqe.Core.Tests.Benchmarks.ClickHouseData;

public class SuiteSourcesTests
{
    private static readonly ClickHouseDataOptions Lake = new("dqe", "default", "dqe-prod-lake", "eu-west-1");

    [Fact]
    public void For_TpchLakeScale_InsertsFromParquetOfThatScaleOnce()
    {
        var source = SuiteSources.For("tpch", "sf10", Lake);
        var lineitem = source.Tables.Single(t => t.Name == "lineitem");

        var from = source.From(lineitem);
        var insert = lineitem.InsertFrom(Lake, from);

        Assert.Equal("s3('https://dqe-prod-lake.s3.eu-west-1.amazonaws.com/curated/tpch/sf10/lineitem/*', 'Parquet')", from);
        Assert.StartsWith("INSERT INTO `default`.`lineitem` (`l_orderkey`, `l_partkey`, `l_suppkey`, `l_linenumber`, ", insert, StringComparison.Ordinal);
        Assert.EndsWith("`l_comment` FROM s3('https://dqe-prod-lake.s3.eu-west-1.amazonaws.com/curated/tpch/sf10/lineitem/*', 'Parquet')", insert, StringComparison.Ordinal);
        Assert.Equal(16, lineitem.Columns.Count);
        Assert.Equal(["customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier"], source.Tables.Select(t => t.Name));
        Assert.All(source.Tables, t => Assert.Contains($"/curated/tpch/sf10/{t.Name}/*", source.From(t), StringComparison.Ordinal));
    }

    [Fact]
    public void For_GeneratedScale_SubstitutesTableSizesAndStripsComments()
    {
        var source = SuiteSources.For("tpch", "gen_tiny", new ClickHouseDataOptions());

        var orders = source.From(source.Tables.Single(t => t.Name == "orders"));
        var partsupp = source.From(source.Tables.Single(t => t.Name == "partsupp"));

        Assert.Contains("% 1500 + 1", orders, StringComparison.Ordinal); // customers at SF 0.01
        Assert.Contains("FROM numbers(15000)", orders, StringComparison.Ordinal);
        Assert.Contains("FROM numbers(2000 * 4)", partsupp, StringComparison.Ordinal);
        Assert.DoesNotContain("{", orders, StringComparison.Ordinal);
        Assert.DoesNotContain("--", orders, StringComparison.Ordinal);
        Assert.Equal("generated", source.Verb);
    }

    [Theory]
    [InlineData("gen_tiny", 0.01)]
    [InlineData("gen_sf1", 1.0)]
    [InlineData("gen_sf0.1", 0.1)]
    [InlineData("sf1", null)]
    [InlineData("tiny", null)]
    public void GeneratedScaleFactor_ParsesGeneratedScalesOnly(string scale, double? expected)
    {
        Assert.Equal(expected, SuiteSources.GeneratedScaleFactor(scale));
    }

    [Theory]
    [InlineData("tpch", "sf1", null, "give the lake bucket and region")]
    [InlineData("tpch", "huge", "dqe-lake", "tiny or sfN")]
    [InlineData("tpch", "gen_sf500", null, "0 < N <= 100")]
    [InlineData("tpch", "gen_big", null, "gen_tiny or gen_sfN")]
    [InlineData("clickbench", "lots", null, "row count like 10k")]
    public void For_ScaleTheSuiteCannotHave_ScaleErrorSaysWhatWorks(string suite, string scale, string? bucket, string message)
    {
        var options = new ClickHouseDataOptions(LakeBucket: bucket, LakeRegion: bucket is null ? null : "eu-west-1");

        var error = Assert.Throws<ArgumentException>(() => SuiteSources.For(suite, scale, options));

        Assert.Equal("scale", error.ParamName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dqe; DROP", "default", null, null, "cluster")]
    [InlineData(null, "a`b", null, null, "database")]
    [InlineData(null, "default", "Bad_Bucket", "eu-west-1", "lakeBucket")]
    [InlineData(null, "default", "dqe-lake", "eu west", "lakeRegion")]
    [InlineData(null, "default", "dqe-lake", null, "lakeRegion")]
    public void Validate_BadOption_NamesField(string? cluster, string database, string? bucket, string? region, string field)
    {
        var error = Assert.Throws<ArgumentException>(() => new ClickHouseDataOptions(cluster, database, bucket, region).Validate());

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void HasTables_OnlySuitesWithSetupScripts()
    {
        Assert.True(SuiteSources.HasTables("tpch"));
        Assert.True(SuiteSources.HasTables("clickbench"));
        Assert.False(SuiteSources.HasTables("tpcds"));
    }
}
