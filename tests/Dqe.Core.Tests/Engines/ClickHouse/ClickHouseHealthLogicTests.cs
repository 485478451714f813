using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Engines.ClickHouse;

/// <summary>Health rules for replicated clusters, which a single local 18.16 server cannot show.</summary>
public class ClickHouseHealthLogicTests
{
    [Fact]
    public async Task CheckAsync_LaggingReadOnlyReplicaAndNodeErrors_ListsEveryProblem()
    {
        var engine = Engine();
        engine.Answer("SELECT * FROM system.replicas",
            Replica("events", readOnly: 1, delay: 10, queue: 0, active: 2),
            Replica("orders", readOnly: 0, delay: 900, queue: 250, active: 1));

        var health = await new ClickHouseHealthService(engine, new ClickHouseHealthOptions()).CheckAsync(default);

        Assert.False(health.Healthy);
        Assert.Equal(
            [
                "cluster main shard 2 replica 1 (ch-2:9000): 3 connection errors",
                "db.events: replica is read-only (Keeper session or metadata lost)",
                "db.orders: 900 s behind (limit 300 s)",
                "db.orders: replication queue 250 (limit 100)",
                "db.orders: 1/2 replicas active",
            ],
            health.Problems);
        Assert.True(health.Keeper.Reachable);
    }

    [Fact]
    public async Task CheckAsync_KeeperUnreachable_ReportsIt()
    {
        var engine = Engine();
        engine.Answer("SELECT * FROM system.replicas");
        engine.Fail("SELECT name FROM system.zookeeper WHERE path = '/'",
            new QueryEngineException("clickhouse", "q", "CLICKHOUSE_999", 999, "USER_ERROR", "Coordination::Exception: Connection loss"));

        var health = await new ClickHouseHealthService(engine, new ClickHouseHealthOptions()).CheckAsync(default);

        Assert.Equal((true, false), (health.Keeper.Configured, health.Keeper.Reachable));
        Assert.Contains(health.Problems, p => p.StartsWith("Keeper/ZooKeeper unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_NegativeThreshold_ThrowsNamingField() =>
        Assert.Equal("MaxReplicaDelaySeconds", Assert.Throws<ArgumentException>(() =>
            new ClickHouseHealthService(new FakeQueryEngine(), new ClickHouseHealthOptions(MaxReplicaDelaySeconds: -1))).ParamName);

    private static FakeQueryEngine Engine()
    {
        var engine = new FakeQueryEngine();
        engine.Answer("SELECT version() AS version", new Dictionary<string, object?> { ["version"] = "24.3.1" });
        engine.Answer("SELECT * FROM system.clusters",
            Node(1, "ch-1", errors: 0),
            Node(2, "ch-2", errors: 3));
        engine.Answer("SELECT name FROM system.zookeeper WHERE path = '/'", new Dictionary<string, object?> { ["name"] = "clickhouse" });
        return engine;
    }

    private static Dictionary<string, object?> Node(long shard, string host, long errors) => new()
    {
        ["cluster"] = "main", ["shard_num"] = (uint)shard, ["replica_num"] = 1u, ["host_name"] = host, ["port"] = (ushort)9000,
        ["is_local"] = (byte)0, ["errors_count"] = (uint)errors,
    };

    private static Dictionary<string, object?> Replica(string table, byte readOnly, ulong delay, uint queue, byte active) => new()
    {
        ["database"] = "db", ["table"] = table, ["is_readonly"] = readOnly, ["is_session_expired"] = (byte)0, ["absolute_delay"] = delay,
        ["queue_size"] = queue, ["active_replicas"] = active, ["total_replicas"] = (byte)2,
    };
}
