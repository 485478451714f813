namespace Dqe.Core.Benchmarks;

/// <summary>One query at one concurrency level: raw samples (ms), their statistics and throughput.</summary>
public sealed record LevelReport(
    int Concurrency,
    IReadOnlyList<double> SamplesMs,
    LatencyStatistics Stats,
    double QueriesPerHour,
    double? EngineElapsedMsMedian,
    double? EngineCpuMsMedian,
    long ProcessedRows,
    long ProcessedBytes);
