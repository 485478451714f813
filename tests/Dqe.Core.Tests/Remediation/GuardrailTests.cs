using Dqe.Core.Remediation;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Remediation;

public sealed class GuardrailTests
{
    [Fact]
    public async Task Cooldown_SameAlertAndTargetAgain_IsAcknowledgedAndIgnoredUntilItExpires()
    {
        var h = new RemediationHarness();
        await h.PostAsync(AlertPayloads.Fixture);

        var again = await h.PostAsync(AlertPayloads.Fixture);
        h.Time.Advance(h.Options.Cooldown);
        var later = await h.PostAsync(AlertPayloads.Fixture);

        Assert.Equal(200, again.Status);
        Assert.Equal(DecisionOutcome.Duplicate, Assert.Single(again.Decisions).Outcome);
        Assert.Equal(DecisionOutcome.Act, Assert.Single(later.Decisions).Outcome);
        Assert.Equal(2, h.Cluster.Changes.Count);
    }

    [Fact]
    public async Task RateLimit_MoreActionsThanAllowedInTheWindow_EscalatesTheRest()
    {
        var h = new RemediationHarness(new RemediationOptions { MaxActionsPerWindow = 2, MaxTargetsPerWindow = 10 });

        var outcomes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var reply = await h.PostAsync(AlertPayloads.Firing($"a{i}", labels: [("pod", $"worker-{i}")]));
            outcomes.Add(reply.Decisions[0].Outcome + ":" + reply.Decisions[0].Reason.Split(':')[0]);
        }

        Assert.Equal(["act:restart-pod pod/trino/worker-0", "act:restart-pod pod/trino/worker-1", "escalate:rate limit"], outcomes);
        Assert.Equal(2, h.Cluster.Changes.Count);
    }

    [Fact]
    public async Task RateLimit_WindowPassed_ActsAgain()
    {
        var h = new RemediationHarness(new RemediationOptions { MaxActionsPerWindow = 1 });
        await h.PostAsync(AlertPayloads.Firing("a1", labels: [("pod", "worker-1")]));

        h.Time.Advance(h.Options.Window);
        var reply = await h.PostAsync(AlertPayloads.Firing("a2", labels: [("pod", "worker-1"), ("alertname", "Other")]));

        Assert.Equal(DecisionOutcome.Act, reply.Decisions[0].Outcome);
    }

    [Fact]
    public async Task BlastRadius_MoreTargetsThanAllowed_EscalatesTheRest()
    {
        var h = new RemediationHarness(new RemediationOptions { MaxTargetsPerWindow = 2 });
        for (var i = 0; i < 2; i++)
        {
            await h.PostAsync(AlertPayloads.Firing($"b{i}", labels: [("pod", $"worker-{i}")]));
        }

        var third = await h.PostAsync(AlertPayloads.Firing("b3", labels: [("pod", "worker-3")]));

        Assert.Equal(DecisionOutcome.Escalate, third.Decisions[0].Outcome);
        Assert.StartsWith("blast radius: 2 targets", third.Decisions[0].Reason, StringComparison.Ordinal);
        Assert.Equal(2, h.Cluster.Changes.Count);
    }

    [Fact]
    public async Task BlastRadius_SecondZoneInTheWindow_IsRefused()
    {
        var h = new RemediationHarness();
        await h.PostAsync(AlertPayloads.Firing("c1", labels: [("pod", "worker-1"), ("zone", "eu-west-1a")]));

        var other = await h.PostAsync(AlertPayloads.Firing("c2", labels: [("pod", "worker-2"), ("zone", "eu-west-1b")]));
        var same = await h.PostAsync(AlertPayloads.Firing("c3", labels: [("pod", "worker-3"), ("zone", "eu-west-1a")]));

        Assert.Equal(DecisionOutcome.Escalate, other.Decisions[0].Outcome);
        Assert.Contains("eu-west-1b", other.Decisions[0].Reason, StringComparison.Ordinal);
        Assert.Equal(DecisionOutcome.Act, same.Decisions[0].Outcome);
    }

    [Fact]
    public async Task CircuitBreaker_RepeatedFailuresOfTheSameAlert_StopsActing()
    {
        var h = new RemediationHarness(new RemediationOptions { CircuitBreakerFailures = 2 });
        h.Cluster.FailWith = "apiserver said no";
        var outcomes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add((await h.PostAsync(AlertPayloads.Fixture)).Decisions[0].Outcome);
            h.Time.Advance(h.Options.Cooldown);
        }

        Assert.Equal([DecisionOutcome.Act, DecisionOutcome.Act, DecisionOutcome.Escalate], outcomes);
        Assert.Contains("circuit breaker open", h.Steps("decide").Last().Reason, StringComparison.Ordinal);
        Assert.Equal(2, h.Steps("act").Count(r => r.Outcome == DecisionOutcome.Failed));
    }

    [Fact]
    public async Task ActionFailure_EscalatesWithWhatWasTried()
    {
        var h = new RemediationHarness();
        h.Cluster.FailWith = "pods \"trino-worker-7\" is forbidden";

        await h.PostAsync(AlertPayloads.Fixture);

        var page = Assert.Single(h.Steps("escalate"));
        Assert.Contains("restart-pod failed: pods \"trino-worker-7\" is forbidden", page.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolved_BeforeTheFiringNotificationArrives_NothingStarts()
    {
        var h = new RemediationHarness();

        var resolved = await h.PostAsync(AlertPayloads.Resolved("5c1a7e0f3b2d9a11"));
        var lateFiring = await h.PostAsync(AlertPayloads.Fixture);

        Assert.Equal(DecisionOutcome.Resolved, resolved.Decisions[0].Outcome);
        Assert.Equal(DecisionOutcome.Resolved, lateFiring.Decisions[0].Outcome);
        Assert.Empty(h.Cluster.Changes);
    }

    [Fact]
    public async Task Resolved_ThenFiringAgainLater_ActsOnTheNewEpisode()
    {
        var h = new RemediationHarness();
        await h.PostAsync(AlertPayloads.Resolved("5c1a7e0f3b2d9a11"));

        h.Time.Advance(TimeSpan.FromMinutes(10));
        var reply = await h.PostAsync(AlertPayloads.Firing("5c1a7e0f3b2d9a11", startsAt: "2026-11-25T10:14:00Z"));

        Assert.Equal(DecisionOutcome.Act, reply.Decisions[0].Outcome);
    }
}
