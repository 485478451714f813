namespace Dqe.Core.Benchmarks;

/// <summary>
/// Outcome of a two-sided Mann–Whitney U test of candidate vs baseline.
/// <paramref name="CliffsDelta"/> is in [-1, 1]: +1 means every candidate sample is larger (slower) than every baseline sample.
/// </summary>
public sealed record MannWhitneyResult(double U, double PValue, double CliffsDelta, bool Exact);
