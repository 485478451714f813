using Dqe.Core.Benchmarks;
using Dqe.Core.Benchmarks.ClickHouseData;

namespace Dqe.Core.Tests.Benchmarks.ClickHouseData;

public class TableTemplateTests
{
    private const string Lineitem = "-- shard-key: l_orderkey\nCREATE TABLE IF NOT EXISTS {table} {on_cluster}\n(\n    l_orderkey Int64,\n    l_comment String\n)\nENGINE = {engine}\nORDER BY l_orderkey";

    [Fact]
    public void Create_OneServer_PlainMergeTreeUnderTheQueryName()
    {
        var statements = TableTemplate.Parse("lineitem", Lineitem).Create(new ClickHouseDataOptions());

        var ddl = Assert.Single(statements);
        Assert.StartsWith("CREATE TABLE IF NOT EXISTS `lineitem` \n(", ddl, StringComparison.Ordinal);
        Assert.Contains("ENGINE = MergeTree()\nORDER BY l_orderkey", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain("--", ddl, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Cluster_ReplicatedLocalTableAndDistributedOverTheCluster()
    {
        var statements = TableTemplate.Parse("lineitem", Lineitem).Create(new ClickHouseDataOptions("dqe", "bench"));

        Assert.Equal(2, statements.Count);
        Assert.StartsWith("CREATE TABLE IF NOT EXISTS `bench`.`lineitem_local` ON CLUSTER `dqe`\n(", statements[0], StringComparison.Ordinal);
        // {shard} and {replica} are the operator's per-node macros: they must reach ClickHouse unexpanded.
        Assert.Contains("ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/bench/lineitem_local', '{replica}')", statements[0], StringComparison.Ordinal);
        Assert.Equal(
            "CREATE TABLE IF NOT EXISTS `bench`.`lineitem` ON CLUSTER `dqe` AS `bench`.`lineitem_local` ENGINE = Distributed('dqe', 'bench', 'lineitem_local', cityHash64(l_orderkey))",
            statements[1]);
    }

    [Theory]
    [InlineData(null, "TRUNCATE TABLE `lineitem`", "INSERT INTO `lineitem` (`l_orderkey`, `l_comment`) SELECT `l_orderkey`, `l_comment` FROM src")]
    [InlineData("dqe", "TRUNCATE TABLE `default`.`lineitem_local` ON CLUSTER `dqe`", "INSERT INTO `default`.`lineitem` (`l_orderkey`, `l_comment`) SELECT `l_orderkey`, `l_comment` FROM src")]
    public void TruncateAndInsert_PerLayout_LocalTablesEmptiedInsertsThroughQueryTable(string? cluster, string truncate, string insert)
    {
        var template = TableTemplate.Parse("lineitem", Lineitem);
        var options = new ClickHouseDataOptions(cluster);

        Assert.Equal(truncate, template.Truncate(options));
        Assert.Equal(insert, template.InsertFrom(options, "src"));
    }

    [Theory]
    [InlineData("CREATE TABLE {table}\n(\n x Int8\n)\nENGINE = {engine}", "{on_cluster}")]
    [InlineData("CREATE TABLE {table} {on_cluster}\n(\n x Int8\n)\nENGINE = {engine}", "shard-key")]
    public void Parse_IncompleteTemplate_ErrorNamesFileAndWhatIsMissing(string text, string missing)
    {
        var error = Assert.Throws<BenchmarkException>(() => TableTemplate.Parse("t", text));

        Assert.StartsWith("t.ddl.sql:", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tpch", 8)]
    [InlineData("clickbench", 1)]
    public void EmbeddedTemplates_EveryTableParsesWithColumns(string suite, int tables)
    {
        var source = SuiteSources.For(suite, suite == "tpch" ? "gen_tiny" : "10k", new ClickHouseDataOptions());

        Assert.Equal(tables, source.Tables.Count);
        Assert.All(source.Tables, t => Assert.NotEmpty(t.Columns));
        Assert.All(source.Tables, t => Assert.Contains(t.ShardKey, t.Columns));
    }

    [Fact]
    public void Create_HitsOnCluster_ReplicatedPartitionedLocalAndDistributedByUser()
    {
        var hits = SuiteSources.For("clickbench", "10k", new ClickHouseDataOptions("dqe")).Tables.Single();

        var statements = hits.Create(new ClickHouseDataOptions("dqe"));

        Assert.Contains("ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/default/hits_local', '{replica}')\nPARTITION BY toYYYYMM(EventDate)", statements[0], StringComparison.Ordinal);
        Assert.EndsWith("ENGINE = Distributed('dqe', 'default', 'hits_local', cityHash64(UserID))", statements[1], StringComparison.Ordinal);
        Assert.Equal(25, hits.Columns.Count);
    }
}
