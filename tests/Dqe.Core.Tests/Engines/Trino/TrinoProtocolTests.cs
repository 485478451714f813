using Dqe.Core.Engines;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers;

namespace Dqe.Core.Tests.Engines.Trino;

public class TrinoProtocolTests
{
    [Fact]
    public async Task ExecuteAsync_QueuedPlanningAndEmptyPages_FollowsNextUriToTheEnd()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("SELECT n", "paging.json");
        var progress = new List<QueryStats>();
        await using var result = await harness.Client().ExecuteAsync(new QueryRequest("SELECT n;", Progress: new SyncProgress(progress)), default);

        var rows = await TrinoHarness.ReadAllAsync(result);

        Assert.Equal([1L, 2L, 3L], rows.Select(r => r[0]));
        Assert.Equal(["a", "b", "c"], rows.Select(r => r[1]));
        Assert.Equal(7, harness.Server.Requests.Count);
        Assert.Equal("FINISHED", result.Stats.State);
        Assert.Equal(30, result.Stats.ProcessedBytes);
        Assert.Equal(["QUEUED", "PLANNING", "RUNNING", "FINISHED"], progress.Select(p => p.State).Distinct());
        Assert.Equal(3, progress[^1].CompletedSplits);
    }

    [Fact]
    public async Task ExecuteAsync_SubmitRequest_SendsSqlAndSessionHeaders()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("SELECT n", "paging.json");
        var client = harness.Client(o => o with
        {
            Catalog = "tpch", Schema = "tiny", TimeZone = "Europe/Berlin", Source = "dqe-test", ClientTags = ["a", "b"],
            SessionProperties = new Dictionary<string, string> { ["query_max_run_time"] = "1h" },
        });

        await using var result = await client.ExecuteAsync(new QueryRequest("SELECT n", Settings: new Dictionary<string, string> { ["x"] = "a b" }), default);

        var post = harness.Server.Requests.First();
        Assert.Equal(("POST", "/v1/statement", "SELECT n"), (post.Method, post.Path, post.Body));
        Assert.Equal("alice", post.Headers["X-Trino-User"]);
        Assert.Equal("tpch", post.Headers["X-Trino-Catalog"]);
        Assert.Equal("tiny", post.Headers["X-Trino-Schema"]);
        Assert.Equal("Europe/Berlin", post.Headers["X-Trino-Time-Zone"]);
        Assert.Equal("dqe-test", post.Headers["X-Trino-Source"]);
        Assert.Equal("a,b", post.Headers["X-Trino-Client-Tags"]);
        Assert.Equal("query_max_run_time=1h,x=a%20b", post.Headers["X-Trino-Session"]);
        Assert.Equal("NONE", post.Headers["X-Trino-Transaction-Id"]);
    }

    [Fact]
    public async Task ExecuteAsync_ErrorPage_ThrowsWithTrinoErrorIdentity()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("SELECT * FROM nope", "error.json");

        var error = await Assert.ThrowsAsync<QueryEngineException>(() => harness.Client().ExecuteAsync(new QueryRequest("SELECT * FROM nope"), default));

        Assert.Equal(("TABLE_NOT_FOUND", 46, "USER_ERROR"), (error.ErrorName, error.ErrorCode, error.ErrorType));
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("trino TABLE_NOT_FOUND (46, USER_ERROR) query 2026", error.ToOneLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_EmptyResult_HasColumnsAndNoRows()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("SELECT none", "empty.json");
        await using var result = await harness.Client().ExecuteAsync(new QueryRequest("SELECT none"), default);

        Assert.Single(result.Columns);
        Assert.Empty(await TrinoHarness.ReadAllAsync(result));
    }

    [Fact]
    public async Task ExecuteAsync_ZeroColumns_CountsRows()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("SELECT", "zero-columns.json");
        await using var result = await harness.Client().ExecuteAsync(new QueryRequest("SELECT"), default);

        Assert.Empty(result.Columns);
        Assert.Equal(2, await result.DrainAsync(default));
    }

    [Fact]
    public async Task ExecuteAsync_Insert_ReportsUpdateTypeCountAndWarnings()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("INSERT INTO t SELECT 1", "update.json");
        await using var result = await harness.Client().ExecuteAsync(new QueryRequest("INSERT INTO t SELECT 1"), default);

        await result.DrainAsync(default);

        Assert.Equal(("INSERT", 5L), (result.UpdateType, result.UpdateCount));
        Assert.Equal([new QueryWarning("DEPRECATED_FUNCTION", "f() is deprecated")], result.Warnings);
    }

    [Fact]
    public async Task ExecuteAsync_HugeRow_DecodesWholeValue()
    {
        await using var harness = await TrinoHarness.StartAsync();
        var huge = new string('x', 8 << 20);
        harness.Server.Script("SELECT huge", new TrinoScript([TrinoScriptStep.Json(
            $"{{\"columns\":[{{\"name\":\"s\",\"type\":\"varchar\"}}],\"data\":[[\"{huge}\"],[\"small\"]],\"stats\":{{\"state\":\"FINISHED\"}}}}", last: true)]));
        await using var result = await harness.Client().ExecuteAsync(new QueryRequest("SELECT huge"), default);

        var rows = await TrinoHarness.ReadAllAsync(result);

        Assert.Equal(huge.Length, ((string)rows[0][0]!).Length);
        Assert.Equal("small", rows[1][0]);
    }

    [Fact]
    public async Task ExecuteAsync_DataBeforeColumnsInOnePage_DecodesRows()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Server.Script("SELECT odd", new TrinoScript([TrinoScriptStep.Json(
            "{\"data\":[[1.25,9223372036854775807]],\"columns\":[{\"name\":\"d\",\"type\":\"double\"},{\"name\":\"b\",\"type\":\"bigint\"}],\"stats\":{\"state\":\"FINISHED\"}}",
            last: true)]));
        await using var result = await harness.Client().ExecuteAsync(new QueryRequest("SELECT odd"), default);

        var row = Assert.Single(await TrinoHarness.ReadAllAsync(result));

        Assert.Equal([1.25d, long.MaxValue], row);
    }

    [Fact]
    public async Task ReadRowsAsync_SecondEnumeration_Throws()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("SELECT none", "empty.json");
        await using var result = await harness.Client().ExecuteAsync(new QueryRequest("SELECT none"), default);
        await TrinoHarness.ReadAllAsync(result);

        await Assert.ThrowsAsync<InvalidOperationException>(() => TrinoHarness.ReadAllAsync(result));
    }

    private sealed class SyncProgress(List<QueryStats> sink) : IProgress<QueryStats>
    {
        public void Report(QueryStats value) => sink.Add(value);
    }
}
