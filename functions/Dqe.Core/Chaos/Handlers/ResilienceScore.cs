namespace Dqe.Core.Chaos.Handlers;

/// <summary>
/// The 0-100 resilience score of a run (docs/chaos.md, "Resilience score"): 100, minus 40 for an abort,
/// minus 30 for any other failure after injection (recovery unproven), minus 5 per extra rollback attempt
/// (at most 20); 0 when anything was left in the cluster; no score when nothing was injected.
/// </summary>
public static class ResilienceScore
{
    public const int AbortPenalty = 40;
    public const int FailurePenalty = 30;
    public const int RetryPenalty = 5;
    public const int MaxRetryPenalty = 20;

    public static int? Compute(ChaosRunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.InjectedAt is null)
        {
            return null;
        }

        if (!state.Clean)
        {
            return 0;
        }

        var score = 100;
        if (state.Error is { } error)
        {
            score -= error.Error?.Contains(nameof(ChaosAbortedException), StringComparison.Ordinal) == true ? AbortPenalty : FailurePenalty;
        }

        score -= Math.Min(MaxRetryPenalty, RetryPenalty * Math.Max(0, state.RollbackAttempts - 1));
        return Math.Clamp(score, 0, 100);
    }
}
