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

    /// <summary>
    /// A region restore: RTO = drill start → first round both canaries pass on the restored environment; RPO =
    /// drill start (the primary declared lost) − newest heartbeat present after the restore, or the backup's start
    /// when no heartbeat came back. A failed or mismatching restore is a problem whatever the times.
    /// </summary>
    public static DrillResult EvaluateRestore(DrillRecord record, DrObjective objective)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = new List<string>();
        double? rto = null;
        if (record.Recovered && record.RecoveredAt is { } recovered)
        {
            rto = (recovered - record.StartedAt).TotalSeconds;
        }
        else
        {
            problems.Add(record.TimedOut ? "engines did not answer before the timeout" : "recovery was not observed");
        }

        double? rpo = null;
        if (record.Restore is not { } restore)
        {
            problems.Add("no backup was restored");
        }
        else
        {
            if (restore.Verification is not { } verification)
            {
                problems.Add("the restore was not verified");
            }
            else
            {
                problems.AddRange(verification.Problems.Select(p => "restore: " + p));
            }

            if (restore.Verification?.Passed == true)
            {
                rpo = Math.Max(0, (record.StartedAt - (restore.NewestDataAt ?? restore.BackupStartedAt)).TotalSeconds);
            }
        }

        return new DrillResult(rto, rpo, objective, rto <= objective.RtoSeconds, rpo <= objective.RpoSeconds, problems);
    }
}
