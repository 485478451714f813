namespace Dqe.Core.Benchmarks;

/// <summary>What the regression detector concluded for one query (candidate vs baseline).</summary>
public enum Verdict
{
    Unchanged,
    Faster,
    Slower,
    Inconclusive,
}
