using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Handlers;

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
}
