using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Cluster;
using Dqe.Core.Chaos.Execution;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Chaos;

public sealed class ChaosServiceTests
{
    private const string KillAndDelay = """
        [{name: kill, type: pod-kill}, {name: slow, type: network-delay, latency: 200ms, peer: {selector: {component: coordinator}}}]
        """;

    [Fact]
    public async Task StartThenRollback_HappyPath_CreatesLabelledObjectsThenLeavesNothing()
    {
        await using var cluster = await ChaosCluster.StartAsync();
        var campaign = ChaosCluster.Campaign(KillAndDelay);

        var (plan, result) = await cluster.Service.StartAsync(campaign, "run1", CancellationToken.None);

        Assert.Equal(2, result.Objects.Count);
        Assert.All(cluster.ChaosObjects, o => Assert.Equal("run1", o["metadata"]!["labels"]![ChaosLabels.RunId]!.GetValue<string>()));
        var delay = Assert.Single(cluster.Api.All(ChaosLabels.ChaosGroup, "networkchaos"));
        Assert.Equal("200ms", delay["spec"]!["delay"]!["latency"]!.GetValue<string>());
        Assert.Equal("coordinator", delay["spec"]!["target"]!["selector"]!["labelSelectors"]!["component"]!.GetValue<string>());
        Assert.Single(cluster.Leases);
        var states = await cluster.Service.ReadStatusAsync("run1", plan.Namespaces, CancellationToken.None);
        Assert.All(states, s => Assert.True(s.Injected));

        var rollback = await cluster.Service.RollbackAsync(campaign, "run1", CancellationToken.None);

        Assert.True(rollback.Clean);
        Assert.Equal(2, rollback.Deleted.Count);
        cluster.AssertNothingLeft();
        Assert.Empty(cluster.Leases);
    }

    [Fact]
    public async Task StartThenRollback_NodeDrain_CordonsEvictsEngineOnlyAndRestores()
    {
        await using var cluster = await ChaosCluster.StartAsync();
        var campaign = ChaosCluster.Campaign("[{name: drain, type: node-drain}]");

        var (_, result) = await cluster.Service.StartAsync(campaign, "run2", CancellationToken.None);

        Assert.Equal(["node-a"], result.CordonedNodes);
        Assert.Equal(["node-a"], cluster.CordonedNodes);
        Assert.Equal(["trino/coordinator-0", "trino/worker-0"], result.EvictedPods.Order(StringComparer.Ordinal));
        Assert.NotNull(cluster.Api.Get("", "pods", "kube-system", "coredns-0"));

        var rollback = await cluster.Service.RollbackAsync(campaign, "run2", CancellationToken.None);

        Assert.Equal(["node-a"], rollback.Uncordoned);
        cluster.AssertNothingLeft();
    }

    [Fact]
    public async Task Start_NodeAlreadyCordonedByOperator_LeftAloneByRollback()
    {
        await using var cluster = await ChaosCluster.StartAsync();
        await cluster.Cluster.PatchNodeAsync("node-a", new() { ["spec"] = new System.Text.Json.Nodes.JsonObject { ["unschedulable"] = true } }, CancellationToken.None);
        var campaign = ChaosCluster.Campaign("[{name: drain, type: node-drain}]");

        var (_, result) = await cluster.Service.StartAsync(campaign, "run3", CancellationToken.None);
        await cluster.Service.RollbackAsync(campaign, "run3", CancellationToken.None);

        Assert.DoesNotContain("node-a", result.CordonedNodes);
        Assert.Contains("node-a", cluster.CordonedNodes);
        Assert.Empty(cluster.NodesWithRunLabel);
    }

    [Fact]
    public async Task Start_InjectionRejected_RollbackRemovesWhatWasCreated()
    {
        await using var cluster = await ChaosCluster.StartAsync();
        cluster.Api.Behaviour.RejectCreate = obj => obj["kind"]?.GetValue<string>() == "NetworkChaos" ? "admission webhook denied the request" : null;
        var campaign = ChaosCluster.Campaign(KillAndDelay);

        await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => cluster.Service.StartAsync(campaign, "run4", CancellationToken.None));
        Assert.Single(cluster.ChaosObjects);

        var rollback = await cluster.Service.RollbackAsync(campaign, "run4", CancellationToken.None);

        Assert.True(rollback.Clean);
        cluster.AssertNothingLeft();
    }

    [Fact]
    public async Task Rollback_FinalizerHoldsObjects_ForcesCleanFinalizerAndRetriesUntilGone()
    {
        await using var cluster = await ChaosCluster.StartAsync();
        var campaign = ChaosCluster.Campaign(KillAndDelay);
        await cluster.Service.StartAsync(campaign, "run5", CancellationToken.None);
        cluster.HoldDeletes = 10;

        var rollback = await cluster.Service.RollbackAsync(campaign, "run5", CancellationToken.None);

        Assert.True(rollback.Clean);
        Assert.True(rollback.Passes >= 2);
        Assert.Contains(cluster.Api.Requests, r => r.StartsWith("PATCH /apis/chaos-mesh.org", StringComparison.Ordinal));
        cluster.AssertNothingLeft();
    }

    [Fact]
    public async Task Rollback_DeletesFailing_ReportsRemainingThenCleansOnRetry()
    {
        await using var cluster = await ChaosCluster.StartAsync();
        var campaign = ChaosCluster.Campaign(KillAndDelay);
        await cluster.Service.StartAsync(campaign, "run6", CancellationToken.None);
        cluster.Api.Behaviour.FailNext("DELETE", "apis/chaos-mesh.org", 500, times: 100);

        var first = await cluster.Service.RollbackAsync(campaign, "run6", CancellationToken.None);
        Assert.False(first.Clean);
        Assert.Equal(2, first.RemainingObjects.Count);
        Assert.Single(cluster.Leases);

        cluster.Api.Behaviour.ClearFailures();
        var last = await cluster.Service.RollbackAsync(campaign, "run6", CancellationToken.None);
        Assert.True(last.Clean);
        cluster.AssertNothingLeft();
        Assert.Empty(cluster.Leases);
    }

    [Fact]
    public async Task Start_TargetLocked_SecondRunRefusedUntilLockExpires()
    {
        await using var cluster = await ChaosCluster.StartAsync();
        var campaign = ChaosCluster.Campaign("[{name: kill, type: pod-kill}]");
        await cluster.Service.StartAsync(campaign, "first", CancellationToken.None);

        var locked = await Assert.ThrowsAsync<ChaosLockedException>(() => cluster.Service.StartAsync(campaign, "second", CancellationToken.None));
        Assert.Contains("first", locked.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.ChaosObjects, o => o["metadata"]!["labels"]![ChaosLabels.RunId]!.GetValue<string>() == "second");

        cluster.Time.Advance(TimeSpan.FromMinutes(30));
        await cluster.Service.StartAsync(campaign, "second", CancellationToken.None);
        await cluster.Service.RollbackAsync(campaign, "first", CancellationToken.None);
        await cluster.Service.RollbackAsync(campaign, "second", CancellationToken.None);
        cluster.AssertNothingLeft();
    }

    [Fact]
    public async Task Sweep_CrashedRun_RemovesOnlyAfterExpiry()
    {
        await using var cluster = await ChaosCluster.StartAsync();
        var campaign = ChaosCluster.Campaign("[{name: kill, type: pod-kill}, {name: drain, type: node-drain}]");
        await cluster.Service.StartAsync(campaign, "crashed", CancellationToken.None);

        var early = await cluster.Service.SweepAsync(CancellationToken.None);
        Assert.Empty(early.Removal.Deleted);
        Assert.Single(cluster.ChaosObjects);
        Assert.Single(cluster.CordonedNodes);

        cluster.Time.Advance(TimeSpan.FromMinutes(5 + 5 + 15));
        var late = await cluster.Service.SweepAsync(CancellationToken.None);

        Assert.Single(late.Removal.Deleted);
        Assert.Equal(["node-a"], late.Removal.Uncordoned);
        cluster.AssertNothingLeft();
    }

    [Theory]
    [InlineData("[{name: kill, type: pod-kill, mode: fixed-percent, value: 50}]", "{maxPods: 1, maxPercent: 50}", "$.faults[0].mode")]
    [InlineData("[{name: kill, type: pod-kill, selector: {component: coordinator}}]", "{maxPods: 2, maxPercent: 50}", "$.faults[0].mode")]
    [InlineData("[{name: kill, type: pod-kill, selector: {component: nothing}}]", "{maxPods: 2, maxPercent: 50}", "$.faults[0].selector")]
    public async Task Plan_RadiusExceededOnLiveCluster_RefusedCreatingNothing(string faults, string radius, string path)
    {
        await using var cluster = await ChaosCluster.StartAsync();

        var error = await Assert.ThrowsAsync<CampaignException>(async () =>
        {
            var campaign = ChaosCluster.Campaign(faults, radius);
            await cluster.Service.StartAsync(campaign, "run7", CancellationToken.None);
        });

        Assert.Contains(error.Errors, e => e.Path == path);
        cluster.AssertNothingLeft();
    }
}
