using Dqe.Core.Benchmarks;

namespace Dqe.Core.Tests.Benchmarks;

public class RegressionDetectorTests
{
    private static readonly double[] Baseline = [100, 101, 99, 102, 98, 100.5, 99.5, 101.5, 98.5, 100.2];

    private static QueryComparison Compare(double[] baseline, double[] candidate, RegressionOptions? options = null) =>
        new RegressionDetector(options ?? new RegressionOptions()).Compare("q01", 1, baseline, candidate);

    [Fact]
    public void Compare_ClearSlowdown_Slower()
    {
        var result = Compare(Baseline, [.. Baseline.Select(x => x * 1.5)]);

        Assert.Equal(Verdict.Slower, result.Verdict);
        Assert.Equal(0.5, result.Change!.Value, 2);
        Assert.True(result.PValue < 0.001);
    }

    [Fact]
    public void Compare_ClearSpeedup_Faster()
    {
        var result = Compare(Baseline, [.. Baseline.Select(x => x * 0.7)]);

        Assert.Equal(Verdict.Faster, result.Verdict);
    }

    [Fact]
    public void Compare_Identical_Unchanged()
    {
        var result = Compare(Baseline, Baseline);

        Assert.Equal(Verdict.Unchanged, result.Verdict);
        Assert.Equal(1, result.PValue!.Value, 6);
    }

    [Fact]
    public void Compare_SignificantButTinyShift_Unchanged()
    {
        var result = Compare(Baseline, [.. Baseline.Select(x => x + 3)]);

        Assert.Equal(Verdict.Unchanged, result.Verdict);
        Assert.Contains("minimum effect", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TwoNoisySamples_InconclusiveNeverAVerdict()
    {
        var result = Compare([100, 400], [900, 50]);

        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Contains("too few samples", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SingleSampleEachEvenIfHugeDifference_Inconclusive()
    {
        Assert.Equal(Verdict.Inconclusive, Compare([10], [1000]).Verdict);
    }

    [Fact]
    public void Compare_HighlyVariableSamples_InconclusiveTooNoisy()
    {
        var result = Compare([10, 200, 15, 400, 12], [20, 300, 30, 500, 25]);

        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Contains("too noisy", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_LargeShiftButUnderpowered_Inconclusive()
    {
        // Three vs three can never reach p < 0.05 two-sided (best exact p = 0.1).
        var result = Compare([100, 101, 102], [150, 151, 152]);

        Assert.Equal(Verdict.Inconclusive, result.Verdict);
        Assert.Contains("not significant", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0.05, 3, 0.5, "Alpha")]
    [InlineData(0.05, -1, 3, 0.5, "MinEffect")]
    [InlineData(0.05, 0.05, 1, 0.5, "MinSamples")]
    [InlineData(0.05, 0.05, 3, 0, "MaxCv")]
    public void Validate_BadOption_NamesField(double alpha, double effect, int samples, double cv, string field)
    {
        var error = Assert.Throws<ArgumentException>(() => new RegressionOptions(alpha, effect, samples, cv).Validate());

        Assert.StartsWith(field, error.Message, StringComparison.Ordinal);
    }
}
