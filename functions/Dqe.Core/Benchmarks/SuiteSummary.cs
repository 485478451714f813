namespace Dqe.Core.Benchmarks;

/// <summary>Suite-level figures: counts by outcome, geometric mean of the per-query medians, throughput per level.</summary>
public sealed record SuiteSummary(
    int Queries,
    int Succeeded,
    int Failed,
    int Skipped,
    double GeoMeanMedianMs,
    IReadOnlyList<ThroughputLevel> Throughput,
    int Regressions,
    int Improvements);
