using Dqe.Core.Benchmarks;
using Dqe.Core.Benchmarks.ClickHouseData;
using Dqe.Core.Engines;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Benchmarks.ClickHouseData;

/// <summary>
/// The cluster layout's Distributed tables and GLOBAL joins on the real local server, over its one-shard
/// <c>dqe_local</c> cluster. The local server has no Keeper, so only the replication part is swapped: the local
/// tables are plain MergeTree and ON CLUSTER is dropped; the Distributed DDL, the inserts and the queries are as rendered.
/// </summary>
[Collection(ClickHouseCollection.Name)]
public class DistributedLayoutTests(ClickHouseFixture fixture)
{
    private const string Database = "bench_dist";

    [Fact]
    public async Task TpchQueries_ThroughDistributedTables_SameVerifiedCountsAsOneServer()
    {
        await fixture.ExecAsync($"DROP DATABASE IF EXISTS {Database}");
        await fixture.ExecAsync($"CREATE DATABASE {Database}");
        var options = new ClickHouseDataOptions("dqe_local", Database);
        var source = SuiteSources.For("tpch", "gen_tiny", options);
        var client = fixture.Client(o => o with { Database = Database });
        foreach (var table in source.Tables)
        {
            var statements = table.Create(options);
            await fixture.ExecAsync(WithoutReplication(statements[0]));
            await fixture.ExecAsync(statements[1].Replace(" ON CLUSTER `dqe_local`", "", StringComparison.Ordinal));
            await using var insert = await client.ExecuteAsync(
                new QueryRequest(table.InsertFrom(options, source.From(table)), Settings: new Dictionary<string, string> { ["insert_distributed_sync"] = "1" }), default);
            await insert.DrainAsync(default);
        }

        var queries = QueryCatalog.Embedded.Resolve("clickhouse", "tpch");
        var report = await new BenchmarkRunner(client, TimeProvider.System).RunAsync(
            new BenchmarkOptions("clickhouse", "tpch", "gen_tiny", Warmups: 0, Iterations: 1), queries, null, default);

        Assert.True(report.Status == RunStatus.Succeeded, string.Join("; ", report.Failures));
        Assert.Equal(queries.Select(q => q.ExpectedRowsAt("gen_tiny")), report.Queries.Select(q => q.Rows));
        var engines = await client.QueryRowsAsync(new QueryRequest($"SELECT engine FROM system.tables WHERE database = '{Database}' AND name = 'lineitem'"), default);
        Assert.Equal("Distributed", engines[0].Text("engine"));
    }

    private static string WithoutReplication(string ddl)
    {
        var engine = ddl.IndexOf("ReplicatedMergeTree(", StringComparison.Ordinal);
        Assert.True(engine > 0, ddl);
        var end = ddl.IndexOf(')', engine);
        return (ddl[..engine] + "MergeTree()" + ddl[(end + 1)..]).Replace(" ON CLUSTER `dqe_local`", "", StringComparison.Ordinal);
    }
}
