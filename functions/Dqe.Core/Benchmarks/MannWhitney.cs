namespace Dqe.Core.Benchmarks;

/// <summary>
/// Two-sided Mann–Whitney U test. Exact null distribution when there are no ties and both samples are small
/// (n ≤ 20 each), otherwise the normal approximation with tie correction and continuity correction.
/// </summary>
internal static class MannWhitney
{
    private const int ExactLimit = 20;

    public static MannWhitneyResult Test(IReadOnlyList<double> baseline, IReadOnlyList<double> candidate)
    {
        int n1 = baseline.Count, n2 = candidate.Count;
        if (n1 == 0 || n2 == 0)
        {
            throw new ArgumentException("Mann-Whitney needs at least one sample on each side.");
        }

        var all = baseline.Select(v => (Value: v, Candidate: false)).Concat(candidate.Select(v => (Value: v, Candidate: true)))
            .OrderBy(x => x.Value).ToArray();
        var ranks = new double[all.Length];
        var tieTerm = 0.0;
        for (var i = 0; i < all.Length;)
        {
            var j = i;
            while (j + 1 < all.Length && all[j + 1].Value == all[i].Value)
            {
                j++;
            }

            var t = j - i + 1;
            tieTerm += ((double)t * t * t) - t;
            for (var k = i; k <= j; k++)
            {
                ranks[k] = (i + j + 2) / 2.0;
            }

            i = j + 1;
        }

        var candidateRanks = Enumerable.Range(0, all.Length).Where(i => all[i].Candidate).Sum(i => ranks[i]);
        var uCandidate = candidateRanks - (n2 * (n2 + 1) / 2.0);
        var pairs = (double)n1 * n2;
        var delta = (2 * uCandidate / pairs) - 1;
        var uSmall = Math.Min(uCandidate, pairs - uCandidate);
        if (tieTerm == 0 && n1 <= ExactLimit && n2 <= ExactLimit)
        {
            return new MannWhitneyResult(uCandidate, Math.Min(1, 2 * ExactCdf(n1, n2, (int)uSmall)), delta, Exact: true);
        }

        var total = n1 + n2;
        var variance = pairs / 12.0 * (total + 1 - (tieTerm / (total * (total - 1.0))));
        if (variance <= 0)
        {
            return new MannWhitneyResult(uCandidate, 1, delta, Exact: false);
        }

        var z = Math.Max(0, Math.Abs(uCandidate - (pairs / 2)) - 0.5) / Math.Sqrt(variance);
        return new MannWhitneyResult(uCandidate, Math.Min(1, 2 * (1 - NormalCdf(z))), delta, Exact: false);
    }

    /// <summary>P(U ≤ u) under H0 for sample sizes m, n without ties (counts of rank arrangements).</summary>
    internal static double ExactCdf(int m, int n, int u)
    {
        // counts[i, j][k] = arrangements of i + j items with U = k; f(i, j) = f(i - 1, j) shifted by j + f(i, j - 1).
        var counts = new double[m + 1, n + 1][];
        for (var i = 0; i <= m; i++)
        {
            for (var j = 0; j <= n; j++)
            {
                var row = new double[(i * j) + 1];
                if (i == 0 || j == 0)
                {
                    row[0] = 1;
                }
                else
                {
                    var left = counts[i - 1, j];
                    var down = counts[i, j - 1];
                    for (var k = 0; k < row.Length; k++)
                    {
                        row[k] = (k - j >= 0 && k - j < left.Length ? left[k - j] : 0) + (k < down.Length ? down[k] : 0);
                    }
                }

                counts[i, j] = row;
            }
        }

        var final = counts[m, n];
        return final.Take(u + 1).Sum() / final.Sum();
    }

    /// <summary>Standard normal CDF via erf (Abramowitz &amp; Stegun 7.1.26, |error| &lt; 1.5e-7).</summary>
    internal static double NormalCdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * x));
        var poly = ((((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t) - 0.284496736) * t) + 0.254829592) * t;
        var erf = 1 - (poly * Math.Exp(-x * x));
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
