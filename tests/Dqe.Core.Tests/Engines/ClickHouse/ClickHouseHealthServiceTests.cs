using Dqe.Core.Engines.ClickHouse;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Engines.ClickHouse;

[Collection(ClickHouseCollection.Name)]
public class ClickHouseHealthServiceTests(ClickHouseFixture fixture)
{
    private ClickHouseHealthService Service => new(fixture.Client(), new ClickHouseHealthOptions());

    [Fact]
    public async Task CheckAsync_SingleNodeWithoutKeeper_ReportsTopologyAndHealthy()
    {
        var health = await Service.CheckAsync(default);

        Assert.Matches(@"^\d+\.\d+", health.Version);
        var node = Assert.Single(health.Nodes, n => n.Cluster == "dqe_local");
        Assert.Equal(("127.0.0.1", 1L, 1L), (node.Host, node.Shard, node.Replica));
        Assert.False(health.Keeper.Configured);
        Assert.Empty(health.Replicas);
        Assert.True(health.Healthy, string.Join("; ", health.Problems));
    }

    [Fact]
    public async Task TableChecksumAsync_SameRowsInAnotherOrder_Match_ExtraRowDiffers()
    {
        await fixture.ExecAsync("CREATE TABLE IF NOT EXISTS default.ck_a (k UInt64, s String) ENGINE = MergeTree ORDER BY k");
        await fixture.ExecAsync("CREATE TABLE IF NOT EXISTS default.ck_b (k UInt64, s String) ENGINE = MergeTree ORDER BY s");
        await fixture.ExecAsync("INSERT INTO default.ck_a SELECT number, toString(number * 7) FROM system.numbers LIMIT 1000");
        await fixture.ExecAsync("INSERT INTO default.ck_b SELECT 999 - number, toString((999 - number) * 7) FROM system.numbers LIMIT 1000");

        var a = await Service.TableChecksumAsync("default", "ck_a", default);
        var b = await Service.TableChecksumAsync("default", "ck_b", default);
        await fixture.ExecAsync("INSERT INTO default.ck_b VALUES (5000, 'extra')");
        var changed = await Service.TableChecksumAsync("default", "ck_b", default);

        Assert.Equal((1000L, a.Checksum), (b.Rows, b.Checksum));
        Assert.NotEqual(0UL, a.Checksum);
        Assert.Equal(1001, changed.Rows);
        Assert.NotEqual(a.Checksum, changed.Checksum);
        var counts = await Service.TableRowCountsAsync("default", default);
        Assert.Equal(1000, counts["ck_a"]);
        Assert.Equal(1001, counts["ck_b"]);
    }

    [Theory]
    [InlineData("default; DROP TABLE x", "t", "database")]
    [InlineData("default", "t`", "table")]
    public async Task TableChecksumAsync_NonIdentifier_ThrowsNamingField(string database, string table, string field)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Service.TableChecksumAsync(database, table, default));

        Assert.Equal(field, error.ParamName);
    }
}
