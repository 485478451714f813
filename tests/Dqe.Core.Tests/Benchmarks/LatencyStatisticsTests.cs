using Dqe.Core.Benchmarks;

namespace Dqe.Core.Tests.Benchmarks;

public class LatencyStatisticsTests
{
    [Fact]
    public void Compute_OneToHundred_MatchesKnownValues()
    {
        var stats = LatencyStatistics.Compute([.. Enumerable.Range(1, 100).Select(i => (double)i)]);

        Assert.Equal(100, stats.Count);
        Assert.Equal(1, stats.MinMs);
        Assert.Equal(100, stats.MaxMs);
        Assert.Equal(50.5, stats.MedianMs, 9);
        Assert.Equal(50.5, stats.MeanMs, 9);
        Assert.Equal(29.011492, stats.StdDevMs, 5);
        // HdrHistogram keeps 3 significant digits: within 0.1% of the exact order statistic.
        Assert.InRange(stats.P95Ms, 95 * 0.999, 95 * 1.001);
        Assert.InRange(stats.P99Ms, 99 * 0.999, 99 * 1.001);
        // t(0.975, 99) = 1.984217: half width 1.984217 * 29.011492 / 10 = 5.75651.
        Assert.Equal(50.5 - 5.75651, stats.CiLowMs, 3);
        Assert.Equal(50.5 + 5.75651, stats.CiHighMs, 3);
    }

    [Fact]
    public void Compute_EvenSmallSample_MedianAveragesMiddlePair()
    {
        var stats = LatencyStatistics.Compute([9, 2, 4, 4, 5, 5, 4, 7]);

        Assert.Equal(4.5, stats.MedianMs, 9);
        Assert.Equal(5, stats.MeanMs, 9);
        Assert.Equal(Math.Sqrt(32.0 / 7), stats.StdDevMs, 9);
        Assert.Equal(9, stats.P99Ms);
        Assert.Equal(5 + (2.3646 * Math.Sqrt(32.0 / 7) / Math.Sqrt(8)), stats.CiHighMs, 4);
    }

    [Fact]
    public void Compute_SingleSample_ZeroSpreadAndNoInterval()
    {
        var stats = LatencyStatistics.Compute([12.5]);

        Assert.Equal(0, stats.StdDevMs);
        Assert.Equal(12.5, stats.CiLowMs);
        Assert.Equal(12.5, stats.CiHighMs);
        Assert.Equal(12.5, stats.P95Ms);
    }

    [Fact]
    public void Compute_NoSamples_ThrowsNamingSamples()
    {
        var error = Assert.Throws<ArgumentException>(() => LatencyStatistics.Compute([]));

        Assert.Contains("samplesMs", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 1.0, 100.0 }, 10.0)]
    [InlineData(new[] { 2.0, 8.0 }, 4.0)]
    [InlineData(new[] { 5.0, 5.0, 5.0 }, 5.0)]
    public void GeometricMean_KnownValues(double[] values, double expected)
    {
        Assert.Equal(expected, LatencyStatistics.GeometricMean(values), 9);
    }

    [Theory]
    [InlineData(1, 12.7062)]
    [InlineData(10, 2.2281)]
    [InlineData(30, 2.0423)]
    [InlineData(40, 2.0211)]
    [InlineData(120, 1.9799)]
    public void StudentT_TwoSided95_MatchesTables(int df, double expected)
    {
        Assert.Equal(expected, StudentT.TwoSided95(df), 3);
    }
}
