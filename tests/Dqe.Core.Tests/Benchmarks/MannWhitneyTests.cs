using Dqe.Core.Benchmarks;

namespace Dqe.Core.Tests.Benchmarks;

public class MannWhitneyTests
{
    [Fact]
    public void Test_SeparatedSmallSamples_ExactPValue()
    {
        var result = MannWhitney.Test([1, 2, 3], [4, 5, 6]);

        Assert.True(result.Exact);
        Assert.Equal(9, result.U);
        // Only 1 of C(6,3) = 20 arrangements is this extreme on each side.
        Assert.Equal(0.1, result.PValue, 12);
        Assert.Equal(1, result.CliffsDelta);
    }

    [Fact]
    public void Test_TenVersusTen_ExactTailIsTwoOverBinomial()
    {
        var result = MannWhitney.Test([.. Enumerable.Range(11, 10).Select(i => (double)i)], [.. Enumerable.Range(1, 10).Select(i => (double)i)]);

        Assert.Equal(2.0 / 184756, result.PValue, 12);
        Assert.Equal(-1, result.CliffsDelta);
    }

    [Fact]
    public void Test_Ties_NormalApproximationWithTieAndContinuityCorrection()
    {
        var result = MannWhitney.Test([1, 1, 1, 1, 1], [2, 2, 2, 2, 2]);

        Assert.False(result.Exact);
        // var = 25/12 * (11 - 240/90) = 17.3611, z = (12.5 - 0.5) / 4.16667 = 2.88, p = 2 * (1 - Φ(2.88)).
        Assert.Equal(0.003976, result.PValue, 5);
    }

    [Fact]
    public void Test_IdenticalSamples_PValueOne()
    {
        var result = MannWhitney.Test([3, 3, 3], [3, 3, 3]);

        Assert.Equal(1, result.PValue);
        Assert.Equal(0, result.CliffsDelta);
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.959964, 0.975)]
    [InlineData(-1, 0.158655)]
    public void NormalCdf_KnownValues(double z, double expected)
    {
        Assert.Equal(expected, MannWhitney.NormalCdf(z), 6);
    }

    [Fact]
    public void ExactCdf_WholeRange_IsOne()
    {
        Assert.Equal(1, MannWhitney.ExactCdf(4, 5, 20), 12);
        Assert.Equal(1.0 / 126, MannWhitney.ExactCdf(4, 5, 0), 12);
    }
}
