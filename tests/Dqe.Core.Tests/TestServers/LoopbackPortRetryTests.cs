using Dqe.TestServers.Hosting;
using Microsoft.AspNetCore.Connections;

namespace Dqe.Core.Tests.TestServers;

public sealed class LoopbackPortRetryTests
{
    [Fact]
    public async Task StartAsync_FirstSetTaken_StartsAgainOnAFreshSet()
    {
        var ports = new ScriptedLoopbackPorts([1, 2]);
        var tried = new List<IReadOnlyList<int>>();

        var started = await LoopbackPortRetry.StartAsync(2, chosen =>
        {
            tried.Add(chosen);
            return tried.Count == 1 ? throw new AddressInUseException("bind: address already in use") : Task.FromResult(chosen);
        }, ports);

        Assert.Equal(2, tried.Count);
        Assert.Equal([1, 2], tried[0]);
        Assert.Equal(ports.Handed[1], started);
        Assert.Equal(2, started.Distinct().Count());
        Assert.DoesNotContain(1, started);
    }

    [Fact]
    public async Task StartAsync_TakenOnEveryAttempt_GivesUpAfterThreeNamingTheCause()
    {
        var calls = 0;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LoopbackPortRetry.StartAsync<int>(1, _ =>
        {
            calls++;
            throw new AddressInUseException("bind: address already in use");
        }));

        Assert.Equal(LoopbackPortRetry.Attempts, calls);
        Assert.Equal("gave up after 3 attempts, a port was taken each time: bind: address already in use", error.Message);
    }

    [Fact]
    public async Task StartAsync_OtherFailure_NotRetried()
    {
        var calls = 0;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LoopbackPortRetry.StartAsync<int>(1, _ =>
        {
            calls++;
            throw new InvalidOperationException("bad config");
        }));

        Assert.Equal(1, calls);
        Assert.Equal("bad config", error.Message);
    }
}
