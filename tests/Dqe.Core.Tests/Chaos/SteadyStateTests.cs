using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Probes;

namespace Dqe.Core.Tests.Chaos;

public sealed class SteadyStateTests
{
    private static readonly ChaosCampaign Campaign = CampaignLoader.Load("""
        apiVersion: dqe.io/v1alpha1
        kind: ChaosCampaign
        name: abort
        target: {namespace: trino, selector: {app: trino}}
        duration: 5m
        steadyState:
          probes:
            - {name: up, type: trino}
            - {name: latency, type: latency, engine: trino, query: SELECT 1, max: 5000}
        faults: [{name: kill, type: pod-kill}]
        abort:
          when:
            - {probe: up, consecutive: 2}
            - {probe: latency, max: 20000}
        """);

    private static readonly DateTimeOffset Start = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(new[] { 1.0 }, new[] { 100.0 }, null)]
    [InlineData(new[] { 0.0 }, new[] { 100.0 }, null)]
    [InlineData(new[] { 0.0, 1.0, 0.0 }, new[] { 100.0, 100, 100 }, null)]
    [InlineData(new[] { 1.0, 0.0, 0.0 }, new[] { 100.0, 100, 100 }, "up")]
    [InlineData(new[] { 1.0 }, new[] { 10000.0 }, null)]
    [InlineData(new[] { 1.0 }, new[] { 25000.0 }, "latency")]
    public void AbortReason_Polls_FiresOnlyAfterConsecutiveOutOfBoundsPolls(double[] up, double[] latency, string? firedProbe)
    {
        var polls = up.Select((u, i) => Poll(ProbePhases.During, i, u, latency[i])).ToList();

        var reason = SteadyState.AbortReason(Campaign, polls);

        if (firedProbe is null)
        {
            Assert.Null(reason);
        }
        else
        {
            Assert.StartsWith($"abort condition on probe {firedProbe}:", reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AbortReason_FailuresBeforeInjection_DoNotCount()
    {
        var polls = new[] { Poll(ProbePhases.Before, 0, 0, 100), Poll(ProbePhases.During, 1, 0, 100) };

        Assert.Null(SteadyState.AbortReason(Campaign, polls));
    }

    [Fact]
    public void FailedShare_DuringPolls_ShareWithAnyProbeFailing()
    {
        var polls = new[] { Poll(ProbePhases.Before, 0, 0, 100), Poll(ProbePhases.During, 1, 0, 100), Poll(ProbePhases.During, 2, 1, 100), Poll(ProbePhases.During, 3, 1, 9000), Poll(ProbePhases.During, 4, 1, 100) };

        Assert.Equal(0.5, SteadyState.FailedShare(polls));
    }

    [Fact]
    public async Task PollAsync_EveryProbe_OneReadingEach()
    {
        var poll = await SteadyState.PollAsync(Campaign, new ConstantProbes(1), ProbePhases.Before, Start, default);

        Assert.Equal(["up", "latency"], poll.Readings.Select(r => r.Probe));
        Assert.True(poll.Passed);
    }

    private static ProbePoll Poll(string phase, int i, double up, double latency) => new(Start.AddSeconds(15 * i), phase,
    [
        new ProbeReading("up", up, up >= 1),
        new ProbeReading("latency", latency, latency <= 5000),
    ]);

    private sealed class ConstantProbes(double value) : IProbeRunner
    {
        public Task<ProbeReading> MeasureAsync(ProbeSpec probe, CancellationToken cancellationToken) =>
            Task.FromResult(new ProbeReading(probe.Name, value, ProbeBounds.Within(value, ProbeBounds.Of(probe))));
    }
}
