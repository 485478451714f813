using Dqe.Core.Engines;
using Dqe.Core.Recovery;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Recovery;

[Collection(ClickHouseCollection.Name)]
public class DrillRunnerTests(ClickHouseFixture fixture)
{
    [Fact]
    public async Task RunAsync_FaultCrashesMidway_FailsBackAnywayAndReportsEveryEventOnce()
    {
        var cluster = new InMemoryDrillActions().WithCluster();
        cluster.FailOn.Add("cordon");
        var service = new DrillService(new DrillOptions(Zone: "eu-west-1a", HeartbeatCount: 2), cluster, new ScriptedCanary(new CanaryResult(true, true)),
            new HeartbeatTable(new QueryEngineSqlRunner(fixture.Client())), TimeProvider.System);
        var shown = new List<DrillEvent>();

        var record = await new DrillRunner(service, TimeProvider.System, TimeSpan.Zero, TimeSpan.Zero).RunAsync(DrScenario.AzLoss, shown.Add, default);

        Assert.Equal("injected failure in cordon", record.Error);
        Assert.True(record.FailBackVerified);
        Assert.All(cluster.Nodes, n => Assert.False(n.Unschedulable));
        Assert.Equal(record.Events, shown);
        Assert.Null(record.Result);
    }
}
