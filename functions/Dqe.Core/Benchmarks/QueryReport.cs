namespace Dqe.Core.Benchmarks;

/// <summary>One query's outcome: status, error text when it failed, row check and per-concurrency measurements.</summary>
public sealed record QueryReport(
    string Id,
    QueryStatus Status,
    string? Error,
    long? ExpectedRows,
    long? Rows,
    IReadOnlyList<LevelReport> Levels)
{
    /// <summary>The level-1 (or lowest) median, the figure geomeans and charts use.</summary>
    public double? MedianMs => Levels.Count == 0 ? null : Levels.MinBy(l => l.Concurrency)!.Stats.MedianMs;
}
