using System.Text.Json;
using Dqe.Core.Engines;
using Dqe.Core.Recovery;
using Dqe.Core.Tests.TestHelpers;
using Microsoft.Extensions.Time.Testing;

namespace Dqe.Core.Tests.Recovery;

/// <summary>Drills end to end with a fake cluster and canary, the heartbeat table on the real local server, time faked.</summary>
[Collection(ClickHouseCollection.Name)]
public class DrillServiceTests(ClickHouseFixture fixture)
{
    private static readonly CanaryResult Up = new(true, true);
    private static readonly CanaryResult ClickHouseDown = new(false, true, "clickhouse: connection refused");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
    private readonly InMemoryDrillActions _cluster = new InMemoryDrillActions().WithCluster();

    [Fact]
    public async Task ReplicaLoss_RecoversOnThirdCheck_MeasuresRtoRpoAndFailsBack()
    {
        var service = Service(new ScriptedCanary(Up, ClickHouseDown, ClickHouseDown, Up, Up));

        var record = await RunAsync(service, DrScenario.ReplicaLoss);

        Assert.Equal(30, record.Result!.RtoSeconds);
        Assert.Equal(0, record.Result.RpoSeconds);
        Assert.True(record.Result.Passed, string.Join("; ", record.Result.Problems));
        Assert.True(record.FailBackVerified);
        Assert.DoesNotContain(_cluster.Pods, p => p.Name == "chi-0");
        Assert.DoesNotContain("data-chi-0", _cluster.Claims);
        Assert.Contains("data-chi-1", _cluster.Claims);
        Assert.Equal(["start", "heartbeat", "heartbeat", "heartbeat", "fault", "waiting", "waiting", "recovered", "measured", "uncordon", "remove-scratch", "fail-back"],
            record.Events.Select(e => e.Kind));
        var heartbeats = await new QueryEngineSqlRunner(fixture.Client()).QueryAsync($"SELECT count() AS n FROM dqe_dr.heartbeat WHERE run_id = '{record.RunId}'", default);
        Assert.Equal(3, heartbeats[0].Int64("n"));
    }

    [Fact]
    public async Task AzLoss_NeverRecovers_TimesOutFailsAndStillUncordons()
    {
        var service = Service(new ScriptedCanary([Up, .. Enumerable.Repeat(ClickHouseDown, 6), Up]), timeoutSeconds: 60);

        var record = await RunAsync(service, DrScenario.AzLoss);

        Assert.True(record.TimedOut);
        Assert.False(record.Result!.Passed);
        Assert.Contains("engines did not recover before the timeout", record.Result.Problems);
        Assert.All(_cluster.Nodes, n => Assert.False(n.Unschedulable));
        Assert.True(record.FailBackVerified);
    }

    [Fact]
    public async Task AzLoss_CordonCrashesMidway_FailBackUncordonsAndRecordsError()
    {
        _cluster.FailOn.Add("cordon");
        var service = Service(new ScriptedCanary(Up));
        var record = await service.StartAsync(DrScenario.AzLoss, false, default);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => service.InjectFaultAsync(record, default));
        Assert.Contains(_cluster.Nodes, n => n.Unschedulable);
        var failedBack = await service.FailBackAsync(record, error.Message, default);

        Assert.All(_cluster.Nodes, n => Assert.False(n.Unschedulable));
        Assert.True(failedBack.FailBackVerified);
        Assert.Equal("injected failure in cordon", failedBack.Error);
        Assert.Contains(failedBack.Events, e => e.Kind == "uncordon" && e.Detail == "n1");
    }

    [Fact]
    public async Task FailBack_UncordonFails_NotVerifiedAndScratchStillRemoved()
    {
        _cluster.FailOn.Add("uncordon");
        var service = Service(new ScriptedCanary(Up));
        var record = await service.InjectFaultAsync(await service.StartAsync(DrScenario.AzLoss, false, default), default);
        _cluster.ScratchNamespaces["dqe-dr-scratch"] = record.RunId;

        var failedBack = await service.FailBackAsync(record, null, default);

        Assert.False(failedBack.FailBackVerified);
        Assert.Contains(failedBack.Events, e => e.Kind == "fail-back-error" && e.Detail.Contains("uncordon", StringComparison.Ordinal));
        Assert.Empty(_cluster.ScratchNamespaces);
        Assert.Contains("node/n1", failedBack.Events[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Measure_AllHeartbeatsLost_FailsRpo()
    {
        var service = Service(new ScriptedCanary(Up));
        var lost = new DrillRecord("dr-replica-loss-never-written", DrScenario.ReplicaLoss, false, _time.GetUtcNow(), [],
            HeartbeatsWritten: 2, LastHeartbeatAt: _time.GetUtcNow(), FaultStartedAt: _time.GetUtcNow(), RecoveredAt: _time.GetUtcNow(), Recovered: true);
        await new HeartbeatTable(new QueryEngineSqlRunner(fixture.Client())).EnsureAsync(default);

        var measured = await service.MeasureAsync(lost, default);

        Assert.False(measured.Result!.RpoMet);
        Assert.Contains("every heartbeat was lost", measured.Result.Problems);
    }

    [Theory]
    [InlineData(DrScenario.AzLoss, "Zone")]
    [InlineData(DrScenario.ReplicaLoss, "HeartbeatCount")]
    public async Task Start_BadOptions_ThrowsNamingFieldAndTouchesNothing(DrScenario scenario, string field)
    {
        var canary = new ScriptedCanary(Up);
        var options = new DrillOptions(Zone: "", HeartbeatCount: scenario == DrScenario.AzLoss ? 3 : 0);
        var service = new DrillService(options, _cluster, canary, new HeartbeatTable(new QueryEngineSqlRunner(fixture.Client())), _time);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => service.StartAsync(scenario, false, default));

        Assert.Equal(field, error.ParamName);
        Assert.Equal(0, canary.Probes);
        Assert.Empty(_cluster.Calls);
    }

    [Fact]
    public async Task Start_EnginesAlreadyDown_RefusesAndTouchesNothing()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Service(new ScriptedCanary(ClickHouseDown)).StartAsync(DrScenario.KeeperLoss, false, default));

        Assert.Contains("nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.Empty(_cluster.Calls);
    }

    [Fact]
    public async Task Fault_TrinoCoordinatorLoss_DeletesInTheTrinoNamespaceNotTheClickHouseOne()
    {
        var record = await RunAsync(Service(new ScriptedCanary(Up)), DrScenario.TrinoCoordinatorLoss);

        Assert.Contains(_cluster.Calls, c => c.StartsWith("delete-pods trino app.kubernetes.io/name=trino,app.kubernetes.io/component=coordinator 1", StringComparison.Ordinal));
        Assert.DoesNotContain(_cluster.Calls, c => c.StartsWith("delete-pods dqe ", StringComparison.Ordinal));
        Assert.NotNull(record.Result);
    }

    [Fact]
    public async Task DryRun_WholeDrill_NoActionsAndRecordRoundTripsAsJson()
    {
        var record = await RunAsync(Service(new ScriptedCanary(Up)), DrScenario.TrinoCoordinatorLoss, dryRun: true);

        Assert.Equal(["uncordon", "delete-scratch"], _cluster.Calls);
        Assert.Contains(record.Events, e => e.Kind == "fault" && e.Detail.StartsWith("dry run: would delete the Trino coordinator", StringComparison.Ordinal));
        var json = JsonSerializer.Serialize(record, RecoveryJsonContext.Default.DrillRecord);
        var back = JsonSerializer.Deserialize(json, RecoveryJsonContext.Default.DrillRecord)!;
        Assert.Equal(record.Events.Count, back.Events.Count);
        Assert.Equal((record.RunId, record.Result!.RtoSeconds, record.FailBackVerified), (back.RunId, back.Result!.RtoSeconds, back.FailBackVerified));
        Assert.Contains("\"scenario\": \"TrinoCoordinatorLoss\"", json, StringComparison.Ordinal);
    }

    private DrillService Service(IEngineCanary canary, int timeoutSeconds = 1800) =>
        new(new DrillOptions(Zone: "eu-west-1a", HeartbeatCount: 3, RecoveryTimeoutSeconds: timeoutSeconds), _cluster, canary,
            new HeartbeatTable(new QueryEngineSqlRunner(fixture.Client())), _time);

    /// <summary>What the workflow does, with the Wait states replaced by advancing the fake clock.</summary>
    private async Task<DrillRecord> RunAsync(DrillService service, DrScenario scenario, bool dryRun = false)
    {
        var record = await service.StartAsync(scenario, dryRun, default);
        while (!record.HeartbeatsDone)
        {
            record = await service.WriteHeartbeatAsync(record, default);
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        record = await service.InjectFaultAsync(record, default);
        while (!record.Recovered && !record.TimedOut)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            record = await service.CheckRecoveryAsync(record, default);
        }

        record = await service.MeasureAsync(record, default);
        return await service.FailBackAsync(record, null, default);
    }
}
