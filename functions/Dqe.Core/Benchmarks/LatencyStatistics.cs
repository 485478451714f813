using System.Text.Json.Serialization;
using HdrHistogram;

namespace Dqe.Core.Benchmarks;

/// <summary>
/// Summary of one query's measured latencies in milliseconds. Min/median/mean/stddev are exact;
/// p95/p99 come from an HdrHistogram (microsecond resolution, 3 significant digits); the confidence
/// interval is the two-sided 95% Student-t interval of the mean.
/// </summary>
public sealed record LatencyStatistics(
    int Count,
    double MinMs,
    double MedianMs,
    double MeanMs,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double StdDevMs,
    double CiLowMs,
    double CiHighMs)
{
    private const long HighestTrackableMicros = 24L * 3600 * 1_000_000;

    /// <summary>Coefficient of variation (stddev / mean); 0 for a single sample or a zero mean.</summary>
    [JsonIgnore]
    public double Cv => MeanMs > 0 ? StdDevMs / MeanMs : 0;

    public static LatencyStatistics Compute(IReadOnlyList<double> samplesMs)
    {
        ArgumentNullException.ThrowIfNull(samplesMs);
        if (samplesMs.Count == 0)
        {
            throw new ArgumentException("samplesMs: at least one sample is needed.", nameof(samplesMs));
        }

        var sorted = samplesMs.Order().ToArray();
        var n = sorted.Length;
        var mean = sorted.Average();
        var variance = n > 1 ? sorted.Sum(x => (x - mean) * (x - mean)) / (n - 1) : 0;
        var stddev = Math.Sqrt(variance);
        var half = n > 1 ? StudentT.TwoSided95(n - 1) * stddev / Math.Sqrt(n) : 0;
        var histogram = new LongHistogram(HighestTrackableMicros, 3);
        foreach (var sample in sorted)
        {
            histogram.RecordValue(Math.Clamp((long)Math.Round(sample * 1000), 0, HighestTrackableMicros));
        }

        return new LatencyStatistics(
            n, sorted[0], Median(sorted), mean,
            Percentile(histogram, 95, sorted[^1]), Percentile(histogram, 99, sorted[^1]), sorted[^1],
            stddev, mean - half, mean + half);
    }

    /// <summary>Geometric mean of positive values (zeros are clamped to 1 µs so one instant query cannot zero a suite).</summary>
    public static double GeometricMean(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : Math.Exp(list.Average(v => Math.Log(Math.Max(v, 0.001))));
    }

    internal static double Median(IReadOnlyList<double> sorted) => sorted.Count % 2 == 1
        ? sorted[sorted.Count / 2]
        : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    // The histogram reports the highest value equivalent to the bucket; never report more than the true max.
    private static double Percentile(LongHistogram histogram, double percentile, double max) =>
        Math.Min(histogram.GetValueAtPercentile(percentile) / 1000.0, max);
}
