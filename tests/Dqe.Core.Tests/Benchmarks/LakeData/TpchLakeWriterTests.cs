using Dqe.Core.Benchmarks;
using Dqe.Core.Benchmarks.ClickHouseData;
using Dqe.Core.Benchmarks.LakeData;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Benchmarks.LakeData;

public class TpchLakeWriterTests
{
    private static readonly TpchLakeOptions Tiny = new("dqe-prod-lake", "tiny", "dqe_prod_lake");

    [Fact]
    public void CreateTableAs_Lineitem_ParquetAtTheTableDirectoryWithStandardColumnNames()
    {
        var lineitem = SuiteSources.TpchTables().Single(t => t.Name == "lineitem");

        var sql = TpchLakeWriter.CreateTableAs(new TpchLakeOptions("dqe-prod-lake", "sf1", "dqe_prod_lake"), lineitem);

        Assert.Equal(
            "CREATE TABLE \"hive\".\"dqe_prod_lake\".\"tpch_sf1_lineitem\" WITH (format = 'PARQUET', external_location = 's3://dqe-prod-lake/curated/tpch/sf1/lineitem/') "
            + "AS SELECT \"orderkey\" AS \"l_orderkey\", \"partkey\" AS \"l_partkey\", \"suppkey\" AS \"l_suppkey\", \"linenumber\" AS \"l_linenumber\", "
            + "\"quantity\" AS \"l_quantity\", \"extendedprice\" AS \"l_extendedprice\", \"discount\" AS \"l_discount\", \"tax\" AS \"l_tax\", "
            + "\"returnflag\" AS \"l_returnflag\", \"linestatus\" AS \"l_linestatus\", \"shipdate\" AS \"l_shipdate\", \"commitdate\" AS \"l_commitdate\", "
            + "\"receiptdate\" AS \"l_receiptdate\", \"shipinstruct\" AS \"l_shipinstruct\", \"shipmode\" AS \"l_shipmode\", \"comment\" AS \"l_comment\" "
            + "FROM \"tpch\".\"sf1\".\"lineitem\"",
            sql);
    }

    [Theory]
    [InlineData("ps_supplycost", "supplycost")]
    [InlineData("c_mktsegment", "mktsegment")]
    [InlineData("r_regionkey", "regionkey")]
    public void SimplifiedName_StandardName_DropsTheTablePrefix(string standard, string simplified) =>
        Assert.Equal(simplified, TpchLakeWriter.SimplifiedName(standard));

    [Fact]
    public async Task EnsureAsync_EmptyLake_WritesEveryTableOnceAtItsDirectory()
    {
        await using var harness = await TrinoHarness.StartAsync();
        var trino = new TpchLakeTrino(harness.Server, Tiny);

        var writes = await new TpchLakeWriter(harness.Client(), Tiny).EnsureAsync(CancellationToken.None);

        Assert.Equal(["customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier"], writes.Select(w => w.Table));
        Assert.All(writes, w => Assert.True(w.Written));
        Assert.All(writes, w => Assert.Equal(TpchLakeTrino.TinyRows[w.Table], w.Rows));
        Assert.All(writes, w => Assert.Equal($"s3://dqe-prod-lake/curated/tpch/tiny/{w.Table}/", w.Location));
        Assert.All(trino.Writes.Values, n => Assert.Equal(1, n));
        Assert.Equal(8, trino.Writes.Count);
    }

    [Fact]
    public async Task EnsureAsync_SecondRun_ReusesEveryTableAndSendsNoCreate()
    {
        await using var harness = await TrinoHarness.StartAsync();
        var trino = new TpchLakeTrino(harness.Server, Tiny);
        await new TpchLakeWriter(harness.Client(), Tiny).EnsureAsync(CancellationToken.None);
        while (harness.Server.Requests.TryDequeue(out _))
        {
        }

        var again = await new TpchLakeWriter(harness.Client(), Tiny).EnsureAsync(CancellationToken.None);

        Assert.All(again, w => Assert.False(w.Written));
        Assert.Equal(60175, again.Single(w => w.Table == "lineitem").Rows);
        Assert.DoesNotContain(harness.Server.Requests, r => r.Body.StartsWith("CREATE", StringComparison.Ordinal));
        Assert.All(trino.Writes.Values, n => Assert.Equal(1, n));
        // The spec's counts settle seven tables and lineitem's recorded statistics the eighth: the generator is never counted.
        Assert.Equal(0, trino.GeneratorCounts);
        Assert.Equal(["SHOW STATS FOR \"hive\".\"dqe_prod_lake\".\"tpch_tiny_lineitem\""], harness.Server.Requests.Select(r => r.Body).Where(b => b.StartsWith("SHOW", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task EnsureAsync_LineitemWithoutStatistics_CountsTheGeneratorForLineitemOnly()
    {
        await using var harness = await TrinoHarness.StartAsync();
        var trino = new TpchLakeTrino(harness.Server, Tiny);
        foreach (var (table, rows) in TpchLakeTrino.TinyRows)
        {
            trino.Existing(table, rows, withStatistics: table != "lineitem");
        }

        var kept = await new TpchLakeWriter(harness.Client(), Tiny).EnsureAsync(CancellationToken.None);

        Assert.All(kept, w => Assert.False(w.Written));
        Assert.Equal(1, trino.GeneratorCounts);
        Assert.Contains(harness.Server.Requests, r => r.Body == "SELECT count(*) AS n FROM \"tpch\".\"tiny\".\"lineitem\"");
    }

    [Theory]
    [InlineData(60000, 60175)] // files deleted by hand: the recorded count no longer matches the files
    [InlineData(60175, 6001215)] // an implausible recorded count (another scale's) is not trusted
    public async Task EnsureAsync_LineitemStatisticsNotUsable_TheGeneratorDecides(long files, long recorded)
    {
        await using var harness = await TrinoHarness.StartAsync();
        var trino = new TpchLakeTrino(harness.Server, Tiny);
        trino.Existing("lineitem", files, statistics: recorded);

        var run = new TpchLakeWriter(harness.Client(), Tiny with { Tables = ["lineitem"] }).EnsureAsync(CancellationToken.None);

        if (files == TpchLakeTrino.TinyRows["lineitem"])
        {
            Assert.False(Assert.Single(await run).Written);
        }
        else
        {
            var error = await Assert.ThrowsAsync<BenchmarkException>(() => run);
            Assert.StartsWith($"setup: hive.dqe_prod_lake.tpch_tiny_lineitem has {files} rows, tpch.tiny.lineitem has 60175;", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(1, trino.GeneratorCounts);
        Assert.Empty(trino.Writes);
    }

    [Fact]
    public async Task EnsureAsync_SpecTableWithWrongCount_ConfirmedByTheGeneratorBeforeTheError()
    {
        await using var harness = await TrinoHarness.StartAsync();
        var trino = new TpchLakeTrino(harness.Server, Tiny);
        trino.Existing("orders", 14999);

        var error = await Assert.ThrowsAsync<BenchmarkException>(() => new TpchLakeWriter(harness.Client(), Tiny).EnsureAsync(CancellationToken.None));

        Assert.Contains("tpch_tiny_orders has 14999 rows, tpch.tiny.orders has 15000", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, trino.GeneratorCounts);
        Assert.Empty(trino.Writes);
    }

    [Fact]
    public async Task EnsureAsync_OneTable_ChecksAndWritesOnlyThatTable()
    {
        await using var harness = await TrinoHarness.StartAsync();
        var trino = new TpchLakeTrino(harness.Server, Tiny);
        trino.Existing("orders", 7); // wrong, but not this call's table

        var writes = await new TpchLakeWriter(harness.Client(), Tiny with { Tables = ["lineitem"] }).EnsureAsync(CancellationToken.None);

        var write = Assert.Single(writes);
        Assert.Equal(("lineitem", true, 60175L), (write.Table, write.Written, write.Rows));
        Assert.Equal(["tpch_tiny_lineitem"], trino.Writes.Keys);
        Assert.DoesNotContain(harness.Server.Requests, r => r.Body.Contains("orders", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckAsync_PartialLake_ListsWhatIsMissingAndWritesNothing()
    {
        await using var harness = await TrinoHarness.StartAsync();
        var trino = new TpchLakeTrino(harness.Server, Tiny);
        trino.Existing("nation", 25);
        trino.Existing("lineitem", 60175);

        var (kept, missing) = await new TpchLakeWriter(harness.Client(), Tiny).CheckAsync(CancellationToken.None);

        Assert.Equal(["lineitem", "nation"], kept.Select(k => k.Table));
        Assert.Equal(["customer", "orders", "part", "partsupp", "region", "supplier"], missing.Select(t => t.Name));
        Assert.Empty(trino.Writes);
        Assert.Equal(0, trino.GeneratorCounts);
    }

    [Fact]
    public async Task EnsureAsync_ExistingTableWithWrongCount_FailsNamingBothCountsBeforeWritingAnything()
    {
        await using var harness = await TrinoHarness.StartAsync();
        var trino = new TpchLakeTrino(harness.Server, Tiny);
        trino.Existing("lineitem", 100);

        var error = await Assert.ThrowsAsync<BenchmarkException>(() => new TpchLakeWriter(harness.Client(), Tiny).EnsureAsync(CancellationToken.None));

        Assert.Equal("setup: hive.dqe_prod_lake.tpch_tiny_lineitem has 100 rows, tpch.tiny.lineitem has 60175; drop the table and delete s3://dqe-prod-lake/curated/tpch/tiny/lineitem/ to write it again.", error.Message);
        Assert.Empty(trino.Writes);
        Assert.DoesNotContain(harness.Server.Requests, r => r.Body.StartsWith("CREATE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnsureAsync_ExistingTableElsewhere_FailsNamingBothLocations()
    {
        await using var harness = await TrinoHarness.StartAsync();
        var trino = new TpchLakeTrino(harness.Server, Tiny);
        trino.Existing("orders", 15000, "s3://dqe-prod-lake/curated/orders_copy/part-0");

        var error = await Assert.ThrowsAsync<BenchmarkException>(() => new TpchLakeWriter(harness.Client(), Tiny).EnsureAsync(CancellationToken.None));

        Assert.Contains("reads s3://dqe-prod-lake/curated/orders_copy/part-0, not s3://dqe-prod-lake/curated/tpch/tiny/orders/", error.Message, StringComparison.Ordinal);
        Assert.Empty(trino.Writes);
    }

    [Fact]
    public async Task EnsureAsync_SomeTablesExist_WritesOnlyTheMissingOnes()
    {
        await using var harness = await TrinoHarness.StartAsync();
        var trino = new TpchLakeTrino(harness.Server, Tiny);
        trino.Existing("nation", 25);
        trino.Existing("region", 5);

        var writes = await new TpchLakeWriter(harness.Client(), Tiny).EnsureAsync(CancellationToken.None);

        Assert.Equal(["nation", "region"], writes.Where(w => !w.Written).Select(w => w.Table));
        Assert.Equal(6, trino.Writes.Count);
        Assert.DoesNotContain("tpch_tiny_nation", trino.Writes.Keys);
    }

    [Fact]
    public async Task EnsureAsync_ObjectsAtLocationWithoutTable_ExplainsWhatToDelete()
    {
        await using var harness = await TrinoHarness.StartAsync();
        var trino = new TpchLakeTrino(harness.Server, Tiny);
        trino.ObjectsWithoutTable("customer");

        var error = await Assert.ThrowsAsync<BenchmarkException>(() => new TpchLakeWriter(harness.Client(), Tiny).EnsureAsync(CancellationToken.None));

        Assert.StartsWith("setup: s3://dqe-prod-lake/curated/tpch/tiny/customer/ already holds objects but hive.dqe_prod_lake has no table tpch_tiny_customer", error.Message, StringComparison.Ordinal);
        Assert.Empty(trino.Writes);
    }

    [Theory]
    [InlineData("Bad_Bucket", "tiny", "dqe_prod_lake", "lakeBucket")]
    [InlineData("dqe-prod-lake", "gen_tiny", "dqe_prod_lake", "scale")]
    [InlineData("dqe-prod-lake", "sf1; DROP", "dqe_prod_lake", "scale")]
    [InlineData("dqe-prod-lake", "sf1", "prod-lake", "schema")]
    [InlineData("dqe-prod-lake", "sf1", "dqe_prod_lake", "tables", "lineitem,hits")]
    [InlineData("dqe-prod-lake", "sf1", "dqe_prod_lake", "tables", "orders,orders")]
    [InlineData("dqe-prod-lake", "sf1", "dqe_prod_lake", "tables", "")]
    public async Task EnsureAsync_BadOption_FailsNamingTheFieldBeforeSendingAnything(string bucket, string scale, string schema, string field, string? tables = null)
    {
        await using var harness = await TrinoHarness.StartAsync();
        var options = new TpchLakeOptions(bucket, scale, schema, Tables: tables?.Split(',', StringSplitOptions.RemoveEmptyEntries));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new TpchLakeWriter(harness.Client(), options).EnsureAsync(CancellationToken.None));

        Assert.Equal(field, error.ParamName);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public void Layout_EveryTable_ClickHouseReadsEveryObjectTheWriterPutsInItsDirectory()
    {
        var options = new TpchLakeOptions("dqe-prod-lake", "sf10", "dqe_prod_lake");
        var source = SuiteSources.For("tpch", "sf10", new ClickHouseDataOptions("dqe", "default", "dqe-prod-lake", "eu-west-1"));

        Assert.All(source.Tables, t =>
        {
            var directory = TpchLakeLayout.S3Location(options.LakeBucket, options.Scale, t.Name)["s3://dqe-prod-lake/".Length..];
            Assert.Equal($"s3('https://dqe-prod-lake.s3.eu-west-1.amazonaws.com/{directory}*', 'Parquet')", source.From(t));
            Assert.Contains($"external_location = 's3://dqe-prod-lake/{directory}'", TpchLakeWriter.CreateTableAs(options, t), StringComparison.Ordinal);
        });
    }
}
