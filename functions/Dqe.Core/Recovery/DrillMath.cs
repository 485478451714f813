namespace Dqe.Core.Recovery;

/// <summary>The RTO/RPO arithmetic, kept pure so it is tested on its own.</summary>
internal static class DrillMath
{
    /// <param name="record">The drill so far (fault start, recovery, last heartbeat written).</param>
    /// <param name="newestHeartbeat">Newest heartbeat present after recovery; null when all were lost.</param>
    /// <param name="objective">What the scenario must meet.</param>
    public static DrillResult Evaluate(DrillRecord record, DateTimeOffset? newestHeartbeat, DrObjective objective)
    {
        var problems = new List<string>();
        double? rto = null;
        if (record.Recovered && record.FaultStartedAt is { } fault && record.RecoveredAt is { } recovered)
        {
            rto = (recovered - fault).TotalSeconds;
        }
        else
        {
            problems.Add(record.TimedOut ? "engines did not recover before the timeout" : "recovery was not observed");
        }

        double? rpo = null;
        if (record.LastHeartbeatAt is not { } last)
        {
            problems.Add("no heartbeat was written before the fault");
        }
        else if (newestHeartbeat is not { } newest)
        {
            problems.Add("every heartbeat was lost");
        }
        else
        {
            // Loss window: heartbeats acknowledged before the fault but missing afterwards.
            rpo = Math.Max(0, (last - newest).TotalSeconds);
        }

        return new DrillResult(rto, rpo, objective, rto <= objective.RtoSeconds, rpo <= objective.RpoSeconds, problems);
    }
}
