using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Handlers;
using Dqe.Core.Chaos.Probes;

namespace Dqe.Core.Tests.Chaos;

public sealed class ResilienceScoreTests
{
    private static readonly ChaosCampaign Campaign = CampaignLoader.Load("""
        apiVersion: dqe.io/v1alpha1
        kind: ChaosCampaign
        name: score
        target: {namespace: trino, selector: {app: trino}}
        duration: 5m
        steadyState: {probes: [{name: up, type: trino}]}
        faults: [{name: kill, type: pod-kill}]
        """);

    private static readonly DateTimeOffset Injected = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true, null, 1, 100)]
    [InlineData(true, "Function.ChaosAbortedException", 1, 60)]
    [InlineData(true, "Dqe.InjectedFailure", 1, 70)]
    [InlineData(true, null, 3, 90)]
    [InlineData(true, null, 20, 80)]
    [InlineData(false, null, 1, 0)]
    [InlineData(false, "Function.ChaosAbortedException", 20, 0)]
    public void Compute_RunOutcome_ScoresAsDocumented(bool clean, string? error, int rollbackAttempts, int expected)
    {
        var state = new ChaosRunState(Campaign, "run", Injected, Clean: clean, RollbackAttempts: rollbackAttempts, Error: error is null ? null : new StateError(error, "cause"));

        Assert.Equal(expected, ResilienceScore.Compute(state));
    }

    [Fact]
    public void Compute_NothingInjected_NoScore() =>
        Assert.Null(ResilienceScore.Compute(new ChaosRunState(Campaign, "run", Clean: true, Error: new StateError("Function.CampaignException"))));

    [Theory]
    [InlineData(0, 4, null, 100)]
    [InlineData(2, 4, null, 85)]
    [InlineData(4, 4, null, 70)]
    [InlineData(0, 4, true, 100)]
    [InlineData(0, 4, false, 70)]
    [InlineData(4, 4, false, 40)]
    public void Compute_ProbePenalties_FailedPollShareAndRecovery(int failedPolls, int polls, bool? recovered, int expected)
    {
        var during = Enumerable.Range(0, polls).Select(i => new ProbePoll(Injected.AddSeconds(15 * i), ProbePhases.During, [new ProbeReading("up", i < failedPolls ? 0 : 1, i >= failedPolls)])).ToList();
        var state = new ChaosRunState(Campaign, "run", Injected, Clean: true, RollbackAttempts: 1, Polls: during, Recovered: recovered);

        Assert.Equal(expected, ResilienceScore.Compute(state));
        Assert.Equal(100 - expected, ResilienceScore.Deductions(state)!.Sum(d => d.Points));
    }

    [Fact]
    public void Deductions_NotRecovered_SaysSo() =>
        Assert.Contains(ResilienceScore.Deductions(new ChaosRunState(Campaign, "run", Injected, Clean: true, RollbackAttempts: 1, Recovered: false))!,
            d => d.Reason.Contains("not back within the recovery timeout (5m)", StringComparison.Ordinal) && d.Points == ResilienceScore.NotRecoveredPenalty);
}
