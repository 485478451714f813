using Dqe.Core.Chaos.Campaigns;
using Dqe.Core.Chaos.Probes;
using Dqe.Core.Engines;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Chaos;

/// <summary>PromQL probes against the real Prometheus binary's HTTP API (constant expressions: no scrape needed).</summary>
public sealed class PrometheusProbeTests(PrometheusFixture prometheus) : IClassFixture<PrometheusFixture>, IDisposable
{
    private readonly HttpClient _http = new();

    [Theory]
    [InlineData("vector(0.05)", 0.1, 0.05, true)]
    [InlineData("vector(5)", 0.1, 5, false)]
    [InlineData("scalar(vector(2))", 3, 2, true)]
    [InlineData("sum(vector(1) + vector(2))", 2, 3, false)]
    public async Task MeasureAsync_InstantQuery_ValueIsFirstSampleJudgedAgainstMax(string query, double max, double expected, bool passes)
    {
        var reading = await Runner().MeasureAsync(new ProbeSpec("errors", ProbeTypes.PromQl, query, Max: max), default);

        Assert.Equal(expected, reading.Value);
        Assert.Equal(passes, reading.Passed);
    }

    [Fact]
    public async Task MeasureAsync_EmptyVector_FailsWithNoSample()
    {
        var reading = await Runner().MeasureAsync(new ProbeSpec("absent", ProbeTypes.PromQl, "absent(vector(1))", Max: 1), default);

        Assert.Null(reading.Value);
        Assert.False(reading.Passed);
        Assert.Equal("no sample", reading.Error);
    }

    [Fact]
    public async Task MeasureAsync_BadExpression_FailsWithPrometheusError()
    {
        var reading = await Runner().MeasureAsync(new ProbeSpec("bad", ProbeTypes.PromQl, "sum(", Max: 1), default);

        Assert.False(reading.Passed);
        Assert.StartsWith("prometheus: ", reading.Error, StringComparison.Ordinal);
        Assert.Contains("parse error", reading.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeasureAsync_PrometheusDown_FailsInsteadOfThrowing()
    {
        var runner = new ProbeRunner(new ProbeTargets(Unused, Unused, () => new PrometheusClient(_http, new Uri("http://127.0.0.1:1/"))), TimeProvider.System);

        var reading = await runner.MeasureAsync(new ProbeSpec("down", ProbeTypes.PromQl, "vector(1)", Max: 1), default);

        Assert.False(reading.Passed);
        Assert.NotNull(reading.Error);
    }

    public void Dispose() => _http.Dispose();

    private ProbeRunner Runner() => new(new ProbeTargets(Unused, Unused, () => new PrometheusClient(_http, prometheus.Uri)), TimeProvider.System);

    private static IQueryEngine Unused() => throw new InvalidOperationException("a promql probe must not touch an engine");
}
