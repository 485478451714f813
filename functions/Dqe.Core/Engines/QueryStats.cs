namespace Dqe.Core.Engines;

/// <summary>Progress of a running statement, as reported by the engine (Trino StatementStats, ClickHouse progress).</summary>
public sealed record QueryStats(
    string State,
    long ProcessedRows,
    long ProcessedBytes,
    int TotalSplits,
    int CompletedSplits,
    int RunningSplits,
    int QueuedSplits,
    long ElapsedMillis,
    long CpuMillis,
    double? ProgressPercentage)
{
    /// <summary>Stats before the engine said anything.</summary>
    public static QueryStats Empty { get; } = new("QUEUED", 0, 0, 0, 0, 0, 0, 0, 0, null);
}
