using Dqe.Core.Remediation;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Remediation;

public sealed class RemediationWebhookTests
{
    private readonly RemediationHarness _h = new();

    [Fact]
    public async Task HandleAsync_DocumentedFiringAlert_RestartsThePodAndAuditsDecisionAndAction()
    {
        var reply = await _h.PostAsync(AlertPayloads.Fixture);

        Assert.Equal(200, reply.Status);
        var decision = Assert.Single(reply.Decisions);
        Assert.Equal(DecisionOutcome.Act, decision.Outcome);
        Assert.Equal("pod/trino/trino-worker-7", decision.Target);
        Assert.Equal(["delete pod trino/trino-worker-7"], _h.Cluster.Changes);
        Assert.Equal(DecisionOutcome.Act, Assert.Single(_h.Steps("decide")).Outcome);
        var act = Assert.Single(_h.Steps("act"));
        Assert.Equal(DecisionOutcome.Succeeded, act.Outcome);
        Assert.Equal(RemediationAudit.Actor, act.Actor);
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("Bearer wrong", 401)]
    public async Task HandleAsync_Unauthenticated_RefusesAndChangesNothing(string? header, int status)
    {
        var reply = await _h.PostAsync(AlertPayloads.Fixture, header);

        Assert.Equal(status, reply.Status);
        Assert.Equal("Authorization", reply.Field);
        Assert.Empty(_h.Cluster.Changes);
        Assert.Empty(_h.Audit.Snapshot());
    }

    [Fact]
    public async Task HandleAsync_RotatedOldToken_StillAccepted()
    {
        var reply = await _h.PostAsync(AlertPayloads.Fixture, "Bearer old-token-abcdef");

        Assert.Equal(200, reply.Status);
    }

    [Theory]
    [InlineData(RunbookActions.RestartPod, "delete pod trino/trino-worker-7")]
    [InlineData(RunbookActions.ScaleTrinoWorkers, "scale Deployment trino/trino-worker 6")]
    [InlineData(RunbookActions.AddClickHouseReplica, "scale StatefulSet clickhouse/clickhouse-shard2 3")]
    [InlineData(RunbookActions.RestartClickHouseReplica, "restart replica trino/trino-worker-7 *")]
    [InlineData(RunbookActions.CancelTrinoQuery, "kill query 20261125_100000_00042_abcde")]
    [InlineData(RunbookActions.DrainNode, "cordon ip-10-0-1-5|evict trino/trino-worker-7")]
    public async Task HandleAsync_EachRunbook_MakesItsChange(string action, string changes)
    {
        _h.Cluster.Replicas["trino/trino-worker"] = 4;
        _h.Cluster.Replicas["clickhouse/clickhouse-shard2"] = 2;
        _h.Cluster.PodsOnNode.AddRange([("trino", "trino-worker-7"), ("kube-system", "coredns-1")]);

        await _h.PostAsync(AlertPayloads.Firing("ab01", labels: [("remediation", action), ("shard", "2"), ("query_id", "20261125_100000_00042_abcde")]));

        Assert.Equal(changes.Split('|'), _h.Cluster.Changes);
    }

    [Fact]
    public async Task HandleAsync_ScaleAtTheBound_FailsAndEscalatesWithoutScaling()
    {
        _h.Cluster.Replicas["trino/trino-worker"] = _h.Options.TrinoMaxWorkers;

        await _h.PostAsync(AlertPayloads.Firing("ab02", labels: [("remediation", RunbookActions.ScaleTrinoWorkers)]));

        Assert.Empty(_h.Cluster.Changes);
        Assert.Contains("maximum", Assert.Single(_h.Steps("escalate")).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none", "remediation=none")]
    [InlineData("reboot-datacenter", "unknown remediation")]
    [InlineData("cancel-trino-query", "query_id")]
    public async Task HandleAsync_NoUsableAction_EscalatesOnly(string action, string reason)
    {
        var reply = await _h.PostAsync(AlertPayloads.Firing("ab03", labels: [("remediation", action)]));

        var decision = Assert.Single(reply.Decisions);
        Assert.Equal(DecisionOutcome.Escalate, decision.Outcome);
        Assert.Contains(reason, decision.Reason, StringComparison.Ordinal);
        Assert.Single(_h.Steps("escalate"));
        Assert.Empty(_h.Cluster.Changes);
    }

    [Fact]
    public async Task HandleAsync_DryRunFromConfig_RecordsWithoutChanging()
    {
        var h = new RemediationHarness(new RemediationOptions { DryRun = true });

        var reply = await h.PostAsync(AlertPayloads.Fixture);

        Assert.Equal(DecisionOutcome.DryRun, Assert.Single(reply.Decisions).Outcome);
        Assert.Empty(h.Cluster.Changes);
        Assert.True(Assert.Single(h.Steps("decide")).DryRun);
    }

    [Fact]
    public async Task HandleAsync_DryRunLabel_RecordsWithoutChanging()
    {
        var reply = await _h.PostAsync(AlertPayloads.Firing("ab04", labels: [("remediation_dry_run", "true")]));

        Assert.Equal(DecisionOutcome.DryRun, Assert.Single(reply.Decisions).Outcome);
        Assert.Empty(_h.Cluster.Changes);
    }

    [Fact]
    public async Task HandleAsync_KubeSystemTarget_IsNeverTouched()
    {
        var reply = await _h.PostAsync(AlertPayloads.Firing("ab05", labels: [("namespace", "kube-system"), ("pod", "coredns-1")]));

        Assert.Equal(DecisionOutcome.Escalate, Assert.Single(reply.Decisions).Outcome);
        Assert.Contains("protected", reply.Decisions[0].Reason, StringComparison.Ordinal);
        Assert.Empty(_h.Cluster.Changes);
    }
}
