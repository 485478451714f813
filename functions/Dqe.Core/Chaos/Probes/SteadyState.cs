using Dqe.Core.Chaos.Campaigns;

namespace Dqe.Core.Chaos.Probes;

/// <summary>
/// The steady-state hypothesis of a campaign, measured and judged: one poll of every probe, and the abort
/// conditions over the polls taken while the faults run.
/// </summary>
public static class SteadyState
{
    /// <summary>Measures every probe once (concurrently: a slow probe does not delay the others' timestamps).</summary>
    public static async Task<ProbePoll> PollAsync(ChaosCampaign campaign, IProbeRunner runner, string phase, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(runner);
        var readings = await Task.WhenAll(campaign.SteadyState.Probes.Select(p => runner.MeasureAsync(p, cancellationToken))).ConfigureAwait(false);
        return new ProbePoll(at, phase, readings);
    }

    /// <summary>
    /// The first abort condition that fired, as a sentence, or null: a condition fires when its probe was outside
    /// the condition's bounds (default: the probe's) on the last <c>consecutive</c> polls during the faults.
    /// </summary>
    public static string? AbortReason(ChaosCampaign campaign, IReadOnlyList<ProbePoll> polls)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(polls);
        var during = polls.Where(p => p.Phase == ProbePhases.During).ToList();
        foreach (var condition in campaign.Abort?.When ?? [])
        {
            var probe = campaign.SteadyState.Probes.First(p => p.Name == condition.Probe);
            var bounds = ProbeBounds.Of(probe, condition.Min, condition.Max);
            var last = during.TakeLast(condition.Consecutive).Select(p => p.Readings.First(r => r.Probe == condition.Probe)).ToList();
            if (last.Count == condition.Consecutive && last.All(r => !ProbeBounds.Within(r.Value, bounds)))
            {
                var at = last[^1];
                return $"abort condition on probe {condition.Probe}: {ProbeBounds.Format(at.Value)} outside [{ProbeBounds.Format(bounds.Min)}, {ProbeBounds.Format(bounds.Max)}] on {condition.Consecutive} poll(s) in a row{(at.Error is null ? "" : $" ({at.Error})")}";
            }
        }

        return null;
    }

    /// <summary>Share (0-1) of the polls during the faults in which any probe failed; 0 when there were none.</summary>
    public static double FailedShare(IReadOnlyList<ProbePoll>? polls)
    {
        var during = (polls ?? []).Where(p => p.Phase == ProbePhases.During).ToList();
        return during.Count == 0 ? 0 : during.Count(p => !p.Passed) / (double)during.Count;
    }
}
