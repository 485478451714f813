using Dqe.Core.Benchmarks;
using Dqe.Core.Benchmarks.ClickHouseData;
using Dqe.Core.Engines.ClickHouse;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Benchmarks.ClickHouseData;

/// <summary>The TPC-H generator and loader against the real local clickhouse-server (18.16), in a database of its own.</summary>
[Collection(ClickHouseCollection.Name)]
public class ClickHouseSuiteDataTests(ClickHouseFixture fixture) : IAsyncLifetime
{
    private const string Database = "bench_tpch";

    private static readonly Dictionary<string, long> TinyRows = new()
    {
        ["customer"] = 1500, ["lineitem"] = 59943, ["nation"] = 25, ["orders"] = 15000,
        ["part"] = 2000, ["partsupp"] = 8000, ["region"] = 5, ["supplier"] = 100,
    };

    private ClickHouseClient Client() => fixture.Client(o => o with { Database = Database });

    public Task InitializeAsync() => fixture.ExecAsync($"CREATE DATABASE IF NOT EXISTS {Database}");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Ensure_GeneratedTiny_LoadsOnceThenReusesAndReloadsOnlyAWrongTable()
    {
        var data = new ClickHouseSuiteData(Client(), new ClickHouseDataOptions(Database: Database));
        await fixture.ExecAsync($"DROP TABLE IF EXISTS {Database}.region");

        var first = await data.EnsureAsync("tpch", "gen_tiny", null, default);
        await fixture.ExecAsync($"INSERT INTO {Database}.region VALUES (99, 'ATLANTIS', 'not TPC-H')");
        var second = await data.EnsureAsync("tpch", "gen_tiny", null, default);
        var third = await data.EnsureAsync("tpch", "gen_tiny", null, default);

        Assert.Equal(TinyRows, first.ToDictionary(l => l.Table, l => l.Rows));
        Assert.True(first.Single(l => l.Table == "region").Loaded);
        Assert.Equal(["region"], second.Where(l => l.Loaded).Select(l => l.Table));
        Assert.Equal(5, second.Single(l => l.Table == "region").Rows);
        Assert.All(third, l => Assert.False(l.Loaded));
    }

    [Fact]
    public async Task Run_WrongExpectedRowCount_FailsRunNamingQueryExpectedAndActual()
    {
        await new ClickHouseSuiteData(Client(), new ClickHouseDataOptions(Database: Database)).EnsureAsync("tpch", "gen_tiny", null, default);
        var q01 = QueryCatalog.Embedded.Resolve("clickhouse", "tpch", ["q01"])[0];
        var wrong = q01 with { Id = "q01_wrong", ExpectedRows = new Dictionary<string, long> { ["gen_tiny"] = 5 } };
        var options = new BenchmarkOptions("clickhouse", "tpch", "gen_tiny", Warmups: 0, Iterations: 1);

        var report = await new BenchmarkRunner(Client(), TimeProvider.System).RunAsync(options, [q01, wrong], null, default);

        Assert.Equal(RunStatus.Failed, report.Status);
        Assert.Equal(QueryStatus.Ok, report.Queries[0].Status);
        Assert.Equal(QueryStatus.WrongResult, report.Queries[1].Status);
        Assert.Equal(4, report.Queries[1].Rows);
        Assert.Contains("expected 5 rows at scale gen_tiny, got 4", report.Queries[1].Error, StringComparison.Ordinal);
        Assert.Contains(report.Failures, f => f.StartsWith("q01_wrong: WrongResult", StringComparison.Ordinal));
    }
}
