using System.Text.Json.Nodes;
using Dqe.Core.Benchmarks;
using Dqe.Core.Benchmarks.Functions;
using Dqe.Core.Benchmarks.LakeData;
using Dqe.Core.Hosting;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Benchmarks;

public class BenchPrepareLakeHandlerTests
{
    private const string TrinoUrl = "https://trino.prod.dqe.internal:8443";

    [Fact]
    public async Task PrepareLake_ClickHouseTpchWithWriter_TrinoWritesEveryTableThenKeepsThem()
    {
        await using var trino = await TrinoHarness.StartAsync();
        var lake = new TpchLakeTrino(trino.Server, new TpchLakeOptions("dqe-prod-lake", "tiny", "dqe_prod_lake"));
        var harness = new BenchHandlerHarness((_, _) => throw new InvalidOperationException("ClickHouse is not asked")) { Lake = trino.Client() };

        var first = await harness.InvokeAsync(BenchPrepareLakeHandler.Name, Input());
        var second = await harness.InvokeAsync(BenchPrepareLakeHandler.Name, Input());

        var tables = first["tables"]!.AsArray();
        Assert.Equal(8, tables.Count);
        Assert.All(tables, t => Assert.True(t!["written"]!.GetValue<bool>()));
        Assert.Equal("s3://dqe-prod-lake/curated/tpch/tiny/lineitem/", tables.Single(t => (string?)t!["table"] == "lineitem")!["location"]!.GetValue<string>());
        Assert.All(second["tables"]!.AsArray(), t => Assert.False(t!["written"]!.GetValue<bool>()));
        Assert.Equal(8, lake.Writes.Count);
        Assert.All(harness.Created, c => Assert.Equal(("trino", new Uri(TrinoUrl)), (c.Engine, c.Server)));
        Assert.Empty(harness.Engine.Executed);
    }

    [Fact]
    public async Task PrepareLake_OneTable_WritesOnlyThatTable()
    {
        await using var trino = await TrinoHarness.StartAsync();
        var lake = new TpchLakeTrino(trino.Server, new TpchLakeOptions("dqe-prod-lake", "tiny", "dqe_prod_lake"));
        var harness = new BenchHandlerHarness((_, _) => throw new InvalidOperationException("ClickHouse is not asked")) { Lake = trino.Client() };
        var input = Input();
        input["tables"] = new JsonArray("partsupp");

        var result = await harness.InvokeAsync(BenchPrepareLakeHandler.Name, input);

        var table = Assert.Single(result["tables"]!.AsArray())!;
        Assert.Equal(("partsupp", 8000L, true), ((string?)table["table"], (long)table["rows"]!, (bool)table["written"]!));
        Assert.Equal(["tpch_tiny_partsupp"], lake.Writes.Keys);
    }

    [Fact]
    public async Task Prepare_LakeRun_OneTableItemPerTableAndTheLakeCheckedWithoutWriting()
    {
        await using var trino = await TrinoHarness.StartAsync();
        var lake = new TpchLakeTrino(trino.Server, new TpchLakeOptions("dqe-prod-lake", "tiny", "dqe_prod_lake"));
        lake.Existing("nation", 25);
        var harness = new BenchHandlerHarness((_, _) => throw new InvalidOperationException("only version() is asked")) { Lake = trino.Client() };

        var run = await harness.InvokeAsync(BenchPrepareHandler.Name, Input());

        var items = run["tableItems"]!.AsArray();
        Assert.Equal(["customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier"], items.Select(i => (string?)Assert.Single(i!["tables"]!.AsArray())));
        Assert.All(items, i => Assert.Equal("dqe_prod_lake", (string?)i!["clickHouse"]!["lakeWriter"]!["schema"]));
        Assert.Contains(trino.Server.Requests, r => r.Body.Contains("\"tpch_tiny_nation\"", StringComparison.Ordinal));
        Assert.Empty(lake.Writes);
        Assert.Equal(0, lake.GeneratorCounts);
    }

    [Fact]
    public async Task Prepare_WrongLakeTable_FailsWithOneLineBeforeAnyTableIsWritten()
    {
        await using var trino = await TrinoHarness.StartAsync();
        var lake = new TpchLakeTrino(trino.Server, new TpchLakeOptions("dqe-prod-lake", "tiny", "dqe_prod_lake"));
        lake.Existing("supplier", 99);
        var harness = new BenchHandlerHarness((_, _) => throw new InvalidOperationException("only version() is asked")) { Lake = trino.Client() };

        var error = await Assert.ThrowsAsync<BenchmarkException>(() => harness.InvokeAsync(BenchPrepareHandler.Name, Input()));

        Assert.Equal("setup: hive.dqe_prod_lake.tpch_tiny_supplier has 99 rows, tpch.tiny.supplier has 100; drop the table and delete s3://dqe-prod-lake/curated/tpch/tiny/supplier/ to write it again.", error.Message);
        Assert.Empty(lake.Writes);
    }

    [Theory]
    [InlineData("engine", "trino", "$.clickHouse.lakeWriter")]
    [InlineData("scale", "gen_tiny", "$.scale")]
    [InlineData("lakeWriter", null, "$.clickHouse.lakeWriter")]
    [InlineData("lakeBucket", "Bad_Bucket", "$.clickHouse.lakeBucket")]
    [InlineData("schema", "prod-lake", "$.clickHouse.lakeWriter.schema")]
    [InlineData("server", "trino:8443", "$.clickHouse.lakeWriter.server")]
    [InlineData("tables", "hits", "$.tables")]
    public async Task PrepareLake_BadInput_NamesFieldBeforeSendingAnything(string field, string? value, string path)
    {
        await using var trino = await TrinoHarness.StartAsync();
        var harness = new BenchHandlerHarness((_, _) => throw new InvalidOperationException("ClickHouse is not asked")) { Lake = trino.Client() };
        var input = Input();
        JsonObject target = field switch
        {
            "engine" or "scale" or "tables" => input,
            "lakeWriter" or "lakeBucket" => input["clickHouse"]!.AsObject(),
            _ => input["clickHouse"]!["lakeWriter"]!.AsObject(),
        };
        target[field] = field == "tables" ? new JsonArray(value) : value;

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => harness.InvokeAsync(BenchPrepareLakeHandler.Name, input));

        Assert.Equal(path, error.Field);
        Assert.Empty(trino.Server.Requests);
    }

    [Fact]
    public async Task RunQuery_ClickHouseDatabase_ReachesTheClickHouseClient()
    {
        var harness = new BenchHandlerHarness((_, _) => new ScriptedAnswer(3, 1));
        var item = new JsonObject
        {
            ["runId"] = "r1", ["queryId"] = "q00",
            ["input"] = new JsonObject
            {
                ["engine"] = "clickhouse", ["suite"] = "clickbench", ["scale"] = "10k", ["server"] = "https://clickhouse.prod.dqe.internal:8443",
                ["warmups"] = 0, ["iterations"] = 1, ["clickHouse"] = new JsonObject { ["database"] = "bench" },
            },
        };

        await harness.InvokeAsync(BenchRunQueryHandler.Name, item);

        var created = Assert.Single(harness.Created);
        Assert.Equal(("clickhouse", "bench"), (created.Engine, created.Database));
    }

    private static JsonObject Input() => new()
    {
        ["engine"] = "clickhouse", ["suite"] = "tpch", ["scale"] = "tiny", ["server"] = "https://clickhouse.prod.dqe.internal:8443",
        ["clickHouse"] = new JsonObject
        {
            ["cluster"] = "dqe", ["lakeBucket"] = "dqe-prod-lake", ["lakeRegion"] = "eu-west-1",
            ["lakeWriter"] = new JsonObject { ["server"] = TrinoUrl, ["schema"] = "dqe_prod_lake" },
        },
    };
}
