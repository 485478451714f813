using Dqe.Core.Engines;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Engines.Trino;

public class TrinoResilienceTests
{
    [Fact]
    public async Task ExecuteAsync_TransientStatusesAndDroppedConnection_RetriesAndReturnsEveryRowOnce()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("SELECT flaky", "retries.json");
        await using var result = await harness.Client().ExecuteAsync(new QueryRequest("SELECT flaky"), default);

        var rows = await TrinoHarness.ReadAllAsync(result);

        Assert.Equal([1, 2, 3, 4], rows.Select(r => (int)r[0]!));
        Assert.Equal(8, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task ExecuteAsync_ServerAlways503_FailsAfterMaxAttempts()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Server.Script("SELECT down", new TrinoScript([new TrinoScriptStep { Status = 503 }]));

        var error = await Assert.ThrowsAsync<QueryEngineException>(() =>
            harness.Client(o => o with { Retry = new RetryOptions(3, TimeSpan.Zero, TimeSpan.Zero) }).ExecuteAsync(new QueryRequest("SELECT down"), default));

        Assert.Equal(("HTTP_503", 503), (error.ErrorName, error.ErrorCode));
        Assert.Equal(3, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task ReadRowsAsync_ServerDiesMidStreamForGood_FailsWithConnectionError()
    {
        await using var harness = await TrinoHarness.StartAsync();
        var page = "{\"columns\":[{\"name\":\"n\",\"type\":\"bigint\"}],\"data\":[[1],[2]],\"stats\":{\"state\":\"RUNNING\"}}";
        harness.Server.Script("SELECT dying", new TrinoScript([TrinoScriptStep.Json(page), TrinoScriptStep.Json(page) with { Die = true }]));
        await using var result = await harness.Client().ExecuteAsync(new QueryRequest("SELECT dying"), default);

        var rows = new List<long>();
        var error = await Assert.ThrowsAsync<QueryEngineException>(async () =>
        {
            await foreach (var row in result.ReadRowsAsync())
            {
                rows.Add(row.GetInt64(0));
            }
        });

        Assert.Equal([1L, 2L], rows);
        Assert.Equal("CONNECTION_FAILED", error.ErrorName);
        Assert.Equal(1 + 5, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task ExecuteAsync_Unauthorized_FailsWithoutRetry()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Server.Script("SELECT secret", new TrinoScript([new TrinoScriptStep { Status = 401 }]));

        var error = await Assert.ThrowsAsync<QueryEngineException>(() => harness.Client().ExecuteAsync(new QueryRequest("SELECT secret"), default));

        Assert.Equal(("HTTP_401", "USER_ERROR"), (error.ErrorName, error.ErrorType));
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task ExecuteAsync_RetryAfter_WaitsOnTheInjectedClock()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("SELECT flaky", "retries.json");
        var time = new FakeTimeProvider();
        var client = harness.Client(o => o with { Retry = new RetryOptions(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)) }, time);

        var pending = client.ExecuteAsync(new QueryRequest("SELECT flaky"), default);
        await WaitUntilAsync(() => harness.Server.Requests.Count == 1);
        await Task.Yield();

        Assert.False(pending.IsCompleted);
        while (!pending.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        await using var result = await pending;
        Assert.True(time.GetUtcNow() - time.Start >= TimeSpan.FromSeconds(1), "the 503's Retry-After: 1 must be honoured");
    }

    [Fact]
    public async Task ReadRowsAsync_Cancelled_SendsDeleteToNextUri()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("SELECT long", "long.json");
        using var cancel = new CancellationTokenSource();
        await using var result = await harness.Client().ExecuteAsync(new QueryRequest("SELECT long"), default);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var row in result.ReadRowsAsync(cancel.Token))
            {
                await cancel.CancelAsync();
            }
        });

        Assert.Contains(harness.Server.Requests, r => r.Method == "DELETE");
        Assert.True(harness.Server.WasCancelled(result.QueryId));
    }

    [Fact]
    public async Task DisposeAsync_BeforeEnd_CancelsQuery()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("SELECT long", "long.json");
        var result = await harness.Client().ExecuteAsync(new QueryRequest("SELECT long"), default);

        await result.DisposeAsync();

        Assert.True(harness.Server.WasCancelled(result.QueryId));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 5000 && !condition(); i++)
        {
            await Task.Delay(1);
        }
    }
}
