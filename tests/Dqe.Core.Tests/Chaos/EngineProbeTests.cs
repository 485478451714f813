using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Probes;
using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers;

namespace Dqe.Core.Tests.Chaos;

/// <summary>Trino (replay server), ClickHouse (real clickhouse-server) health and latency probes.</summary>
[Collection(ClickHouseCollection.Name)]
public sealed class EngineProbeTests(ClickHouseFixture clickHouse) : IAsyncLifetime
{
    private TrinoHarness _trino = null!;

    public async Task InitializeAsync()
    {
        _trino = await TrinoHarness.StartAsync();
        _trino.Server.Script("SELECT 1", TrinoScript.Value(1));
    }

    public async Task DisposeAsync() => await _trino.DisposeAsync();

    [Fact]
    public async Task MeasureAsync_TrinoAnswers_ValueOnePasses()
    {
        var reading = await Runner().MeasureAsync(new ProbeSpec("up", ProbeTypes.Trino), default);

        Assert.Equal(new ProbeReading("up", 1, true), reading);
    }

    [Fact]
    public async Task MeasureAsync_TrinoRefusesTheQuery_ValueZeroFails()
    {
        _trino.Server.Forget("SELECT 1");

        var reading = await Runner().MeasureAsync(new ProbeSpec("up", ProbeTypes.Trino), default);

        Assert.Equal(0, reading.Value);
        Assert.False(reading.Passed);
        Assert.NotNull(reading.Error);
    }

    [Fact]
    public async Task MeasureAsync_ClickHouseHealthy_WorstReplicaDelayWithinMax()
    {
        var reading = await Runner().MeasureAsync(new ProbeSpec("replicas", ProbeTypes.ClickHouse, Max: 30), default);

        Assert.True(reading.Passed, reading.Error);
        Assert.Equal(0, reading.Value);
    }

    [Fact]
    public async Task MeasureAsync_ClickHouseUnreachable_NoValueFails()
    {
        var down = new ClickHouseClient(new ClickHouseClientOptions { Server = new Uri("http://127.0.0.1:1/"), Retry = new RetryOptions(1, TimeSpan.Zero, TimeSpan.Zero) }, clickHouse.Http, TimeProvider.System);
        var runner = new ProbeRunner(new ProbeTargets(() => _trino.Client(), () => down, NoPrometheus), TimeProvider.System);

        var reading = await runner.MeasureAsync(new ProbeSpec("replicas", ProbeTypes.ClickHouse, Max: 30), default);

        Assert.Null(reading.Value);
        Assert.False(reading.Passed);
    }

    [Theory]
    [InlineData("clickhouse", 60000, true)]
    [InlineData("clickhouse", 0.0001, false)]
    [InlineData("trino", 60000, true)]
    public async Task MeasureAsync_Latency_WallTimeInMsAgainstBound(string engine, double max, bool passes)
    {
        var reading = await Runner().MeasureAsync(new ProbeSpec("latency", ProbeTypes.Latency, "SELECT 1", engine, Max: max), default);

        Assert.Equal(passes, reading.Passed);
        Assert.True(reading.Value > 0);
    }

    [Fact]
    public async Task MeasureAsync_LatencyQueryFails_NoValueFails()
    {
        var reading = await Runner().MeasureAsync(new ProbeSpec("latency", ProbeTypes.Latency, "SELECT * FROM no_such_table", "clickhouse", Max: 60000), default);

        Assert.Null(reading.Value);
        Assert.False(reading.Passed);
        Assert.Contains("no_such_table", reading.Error, StringComparison.Ordinal);
    }

    private ProbeRunner Runner() => new(new ProbeTargets(() => _trino.Client(), () => clickHouse.Client(), NoPrometheus), TimeProvider.System);

    private static PrometheusClient NoPrometheus() => throw new InvalidOperationException("an engine probe must not touch Prometheus");
}
