using System.Globalization;
using Dqe.Core.Chaos.Probes;

namespace Dqe.Core.Chaos.Handlers;

/// <summary>
/// The 0-100 resilience score of a run (docs/chaos.md, "Resilience score"): 100, minus 40 for an abort,
/// minus 30 for any other failure after injection (recovery unproven), minus 30 × the share of failed probe
/// polls during the faults, minus 30 when steady state was not back within the recovery timeout, minus 5 per
/// extra rollback attempt (at most 20), minus min(20, 10 × (mean benchmark slowdown − 1)) over the queries measured
/// both before and during the faults; 0 when anything was left in the cluster; no score when nothing was injected.
/// </summary>
public static class ResilienceScore
{
    public const int AbortPenalty = 40;
    public const int FailurePenalty = 30;
    public const int FailedPollsPenalty = 30;
    public const int NotRecoveredPenalty = 30;
    public const int RetryPenalty = 5;
    public const int MaxRetryPenalty = 20;
    public const int SlowdownPenaltyPerUnit = 10;
    public const int MaxSlowdownPenalty = 20;

    public static int? Compute(ChaosRunState state)
    {
        var deductions = Deductions(state);
        return deductions is null ? null : Math.Clamp(100 - deductions.Sum(d => d.Points), 0, 100);
    }

    /// <summary>Why points were taken (for the report), or null when the run has no score.</summary>
    public static IReadOnlyList<ScoreDeduction>? Deductions(ChaosRunState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.InjectedAt is null)
        {
            return null;
        }

        if (!state.Clean)
        {
            return [new ScoreDeduction("objects or cordons were left in the cluster after rollback", 100)];
        }

        var deductions = new List<ScoreDeduction>();
        if (state.Error is { } error)
        {
            deductions.Add(error.Error?.Contains(nameof(ChaosAbortedException), StringComparison.Ordinal) == true
                ? new ScoreDeduction("aborted while the faults ran", AbortPenalty)
                : new ScoreDeduction("failed after injection: recovery unproven", FailurePenalty));
        }

        var share = SteadyState.FailedShare(state.Polls);
        if (share > 0)
        {
            deductions.Add(new ScoreDeduction($"steady state failed on {share.ToString("P0", CultureInfo.InvariantCulture)} of the polls during the faults", (int)Math.Round(FailedPollsPenalty * share)));
        }

        if (state.Recovered == false)
        {
            deductions.Add(new ScoreDeduction($"steady state not back within the recovery timeout ({state.Campaign.SteadyState.RecoveryTimeout})", NotRecoveredPenalty));
        }

        var retries = Math.Min(MaxRetryPenalty, RetryPenalty * Math.Max(0, state.RollbackAttempts - 1));
        if (retries > 0)
        {
            deductions.Add(new ScoreDeduction($"{state.RollbackAttempts} rollback attempts", retries));
        }

        var degradation = FaultBenchmark.Degradation(state);
        if (FaultBenchmark.MeanSlowdown(degradation) is { } slowdown)
        {
            var points = (int)Math.Round(Math.Min(MaxSlowdownPenalty, SlowdownPenaltyPerUnit * (slowdown - 1)));
            if (points > 0)
            {
                var measured = degradation!.Count(d => d.Slowdown is not null);
                deductions.Add(new ScoreDeduction(string.Create(CultureInfo.InvariantCulture, $"benchmark queries {slowdown:0.##}× slower during the faults (mean of {measured})"), points));
            }
        }

        return deductions;
    }
}
