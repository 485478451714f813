using Dqe.Core.Engines;
using Dqe.Core.Engines.Trino;
using Dqe.Core.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Engines;

public class RetryingHttpSenderTests
{
    [Fact]
    public async Task ExecuteAsync_ServerNeverAnswers_TimesOutEachAttemptOnTheInjectedClock()
    {
        var handler = new HangingHandler();
        var time = new FakeTimeProvider();
        var client = new TrinoClient(new TrinoClientOptions
        {
            Server = new Uri("http://trino.invalid/"),
            RequestTimeout = TimeSpan.FromSeconds(30),
            Retry = new RetryOptions(2, TimeSpan.Zero, TimeSpan.Zero),
        }, new HttpClient(handler), time);

        var pending = client.ExecuteAsync(new QueryRequest("SELECT 1"), default);
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            // Let the attempt reach the handler, then move the fake clock past its timeout.
            for (var spin = 0; spin < 5000 && handler.Calls < attempt; spin++)
            {
                await Task.Delay(1);
            }

            time.Advance(TimeSpan.FromSeconds(30));
        }

        var error = await Assert.ThrowsAsync<QueryEngineException>(() => pending.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(("CLIENT_TIMEOUT", "CLIENT"), (error.ErrorName, error.ErrorType));
        Assert.Equal(2, handler.Calls);
        Assert.True(time.GetUtcNow() - time.Start >= TimeSpan.FromSeconds(60), "two attempts of 30 s each");
    }

    [Fact]
    public async Task ExecuteAsync_CallerCancels_ThrowsCancellationNotTimeout()
    {
        var handler = new HangingHandler();
        var client = new TrinoClient(new TrinoClientOptions { Server = new Uri("http://trino.invalid/") }, new HttpClient(handler), new FakeTimeProvider());
        using var cancel = new CancellationTokenSource();

        var pending = client.ExecuteAsync(new QueryRequest("SELECT 1"), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Equal(1, handler.Calls);
    }

    [Theory]
    [InlineData(1, 100, 50, 100)]
    [InlineData(3, 100, 200, 400)]
    [InlineData(10, 100, 2500, 5000)]
    public void DelayFor_Attempt_StaysWithinEqualJitterBounds(int attempt, int baseMs, int minMs, int maxMs)
    {
        var retry = new RetryOptions(10, TimeSpan.FromMilliseconds(baseMs), TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.FromMilliseconds(minMs), retry.DelayFor(attempt, null, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(maxMs), retry.DelayFor(attempt, null, 1));
    }

    [Fact]
    public void DelayFor_RetryAfterBeyondCap_IsCapped() =>
        Assert.Equal(TimeSpan.FromSeconds(5), new RetryOptions().DelayFor(1, TimeSpan.FromMinutes(10), 0.5));
}
