using System.Globalization;

namespace Dqe.Core.Benchmarks;

/// <summary>
/// Per-query verdicts, in this order: too few samples → inconclusive; either side too noisy → inconclusive;
/// significant and median moved ≥ MinEffect → slower/faster; median moved &lt; MinEffect → unchanged;
/// large but not significant move → inconclusive (under-powered).
/// </summary>
internal sealed class RegressionDetector(RegressionOptions options)
{
    public QueryComparison Compare(string queryId, int concurrency, IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
    {
        if (baseline.Count < options.MinSamples || candidate.Count < options.MinSamples)
        {
            return Result(Verdict.Inconclusive, $"too few samples ({baseline.Count} baseline, {candidate.Count} candidate; need {options.MinSamples} each)", null);
        }

        var b = LatencyStatistics.Compute(baseline);
        var c = LatencyStatistics.Compute(candidate);
        var test = MannWhitney.Test(baseline, candidate);
        var change = b.MedianMs > 0 ? (c.MedianMs / b.MedianMs) - 1 : 0;
        var percent = (change * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";
        var p = test.PValue.ToString("0.####", CultureInfo.InvariantCulture);
        if (b.Cv > options.MaxCv || c.Cv > options.MaxCv)
        {
            return Result(Verdict.Inconclusive, $"too noisy (cv {b.Cv:0.00} baseline, {c.Cv:0.00} candidate > {options.MaxCv})", test, b, c, change);
        }

        var large = Math.Abs(change) >= options.MinEffect;
        if (!large)
        {
            return Result(Verdict.Unchanged, $"median {percent} is below the {options.MinEffect:P0} minimum effect (p={p})", test, b, c, change);
        }

        return test.PValue < options.Alpha
            ? Result(change > 0 ? Verdict.Slower : Verdict.Faster, $"median {percent}, p={p} < {options.Alpha}", test, b, c, change)
            : Result(Verdict.Inconclusive, $"median {percent} but not significant (p={p} ≥ {options.Alpha})", test, b, c, change);

        QueryComparison Result(Verdict verdict, string reason, MannWhitneyResult? t, LatencyStatistics? bs = null, LatencyStatistics? cs = null, double? delta = null) =>
            new(queryId, concurrency, verdict, reason, baseline.Count, candidate.Count, bs?.MedianMs, cs?.MedianMs, delta, t?.PValue, t?.CliffsDelta);
    }
}
