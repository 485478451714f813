using System.Text.Json.Nodes;
using Dqe.Core.Benchmarks.Functions;
using Dqe.Core.Engines;
using Dqe.Core.Hosting;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Benchmarks;

/// <summary>bench.load-tables on the real local clickhouse-server (18.16): the generated TPC-H scale, one table per call.</summary>
[Collection(ClickHouseCollection.Name)]
public class BenchLoadTablesHandlerTests(ClickHouseFixture fixture) : IAsyncLifetime
{
    private const string Database = "bench_load_tables";

    public Task InitializeAsync() => fixture.ExecAsync($"CREATE DATABASE IF NOT EXISTS {Database}");

    public Task DisposeAsync() => fixture.ExecAsync($"DROP DATABASE IF EXISTS {Database}");

    [Fact]
    public async Task LoadTables_OneTable_CreatesAndLoadsOnlyThatTableThenReusesIt()
    {
        await fixture.ExecAsync($"DROP TABLE IF EXISTS {Database}.nation");
        var harness = Harness();

        var first = await harness.InvokeAsync(BenchLoadTablesHandler.Name, Input(new JsonArray("nation")));
        var second = await harness.InvokeAsync(BenchLoadTablesHandler.Name, Input(new JsonArray("nation")));

        var loaded = Assert.Single(first["tables"]!.AsArray())!;
        Assert.Equal(("nation", 25L, true), ((string?)loaded["table"], (long)loaded["rows"]!, (bool)loaded["loaded"]!));
        Assert.False((bool)Assert.Single(second["tables"]!.AsArray())!["loaded"]!);
        var tables = await fixture.Client(o => o with { Database = Database }).QueryRowsAsync(new($"SELECT name FROM system.tables WHERE database = '{Database}'"), default);
        Assert.Equal(["nation"], tables.Select(t => t["name"]));
    }

    [Theory]
    [InlineData("trino", "tpch", null, "$.suite")]
    [InlineData("clickhouse", "tpch", "hits", "$.tables")]
    [InlineData("clickhouse", "clickbench", "lineitem", "$.tables")]
    public async Task LoadTables_BadInput_NamesFieldBeforeSendingAnything(string engine, string suite, string? table, string path)
    {
        var harness = Harness();
        var input = Input(table is null ? null : new JsonArray(table));
        input["engine"] = engine;
        input["suite"] = suite;
        input["scale"] = suite == "clickbench" ? "10k" : "gen_tiny";

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => harness.InvokeAsync(BenchLoadTablesHandler.Name, input));

        Assert.Equal(path, error.Field);
        Assert.Empty(harness.Created);
    }

    private BenchHandlerHarness Harness() => new((_, _) => throw new InvalidOperationException("the scripted engine is not asked"))
    {
        ClickHouse = fixture.Client(o => o with { Database = Database }),
    };

    private JsonObject Input(JsonArray? tables) => new()
    {
        ["engine"] = "clickhouse", ["suite"] = "tpch", ["scale"] = "gen_tiny", ["server"] = fixture.Uri.ToString(),
        ["clickHouse"] = new JsonObject { ["database"] = Database }, ["tables"] = tables,
    };
}
