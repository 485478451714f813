using Dqe.Core.Recovery;

namespace Dqe.Core.Tests.Recovery;

public class DrillMathTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);
    private static readonly DrObjective Objective = new(120, 10);

    [Theory]
    [InlineData(60, 0, 60.0, 0.0, true, true)] // recovered in a minute, newest heartbeat survived
    [InlineData(121, 0, 121.0, 0.0, false, true)] // one second over the RTO
    [InlineData(30, 15, 30.0, 15.0, true, false)] // last 15 s of heartbeats lost
    [InlineData(30, 10, 30.0, 10.0, true, true)] // loss exactly at the objective still meets it
    public void Evaluate_MeasuredTimes_ComputesRtoRpoAgainstObjectives(int recoverAfter, int lostSeconds, double rto, double rpo, bool rtoMet, bool rpoMet)
    {
        var last = T0.AddSeconds(-1);
        var record = new DrillRecord("dr-replica-loss-x", DrScenario.ReplicaLoss, false, T0.AddMinutes(-1), [],
            LastHeartbeatAt: last, FaultStartedAt: T0, RecoveredAt: T0.AddSeconds(recoverAfter), Recovered: true);

        var result = DrillMath.Evaluate(record, last.AddSeconds(-lostSeconds), Objective);

        Assert.Equal((rto, rpo, rtoMet, rpoMet), (result.RtoSeconds!.Value, result.RpoSeconds!.Value, result.RtoMet, result.RpoMet));
        Assert.Equal(rtoMet && rpoMet, result.Passed);
    }

    [Fact]
    public void Evaluate_TimedOutAndAllHeartbeatsLost_FailsWithBothProblems()
    {
        var record = new DrillRecord("dr-az-loss-x", DrScenario.AzLoss, false, T0, [], LastHeartbeatAt: T0, FaultStartedAt: T0, TimedOut: true);

        var result = DrillMath.Evaluate(record, null, Objective);

        Assert.False(result.Passed);
        Assert.Null(result.RtoSeconds);
        Assert.Null(result.RpoSeconds);
        Assert.Equal(["engines did not recover before the timeout", "every heartbeat was lost"], result.Problems);
    }

    [Theory]
    [InlineData(3600, 7200, true, 3600.0, 7200.0, true)] // restored in an hour, newest heartbeat 2 h before the drill
    [InlineData(3600, null, true, 3600.0, 10800.0, true)] // no heartbeat restored: RPO from the backup's start (3 h)
    [InlineData(20000, 7200, true, 20000.0, 7200.0, false)] // restore slower than the 4 h objective
    [InlineData(3600, 7200, false, 3600.0, null, false)] // verification mismatch: fails, RPO not measured
    public void EvaluateRestore_RestoredState_RtoFromDrillStartRpoFromNewestRestoredData(int recoverAfter, int? heartbeatAge, bool verified, double rto, double? rpo, bool passed)
    {
        var restore = new Dqe.Core.Recovery.Restore.RegionRestoreState("dr-region-restore-x", "ch-full-1", Dqe.Core.Backup.BackupKind.Full, T0.AddHours(-3), "https://r/x",
            new Dictionary<string, string>(), T0.AddHours(4),
            Verification: new Dqe.Core.Backup.VerificationResult(verified, T0, [], verified ? [] : ["default.events: expected 5 rows"]),
            NewestDataAt: heartbeatAge is { } age ? T0.AddSeconds(-age) : null);
        var record = new DrillRecord("dr-region-restore-x", DrScenario.RegionRestore, false, T0, [], FaultStartedAt: T0.AddSeconds(1),
            RecoveredAt: T0.AddSeconds(recoverAfter), Recovered: true, Restore: restore);

        var result = DrillMath.EvaluateRestore(record, new DrObjective(4 * 3600, 25 * 3600));

        Assert.Equal((rto, rpo, passed), (result.RtoSeconds!.Value, result.RpoSeconds, result.Passed));
        Assert.Equal(verified ? [] : ["restore: default.events: expected 5 rows"], result.Problems);
    }

    [Fact]
    public void EvaluateRestore_NothingRestored_FailsSayingSo()
    {
        var record = new DrillRecord("dr-region-restore-x", DrScenario.RegionRestore, false, T0, [], RecoveredAt: T0.AddSeconds(60), Recovered: true);

        var result = DrillMath.EvaluateRestore(record, new DrObjective(4 * 3600, 25 * 3600));

        Assert.False(result.Passed);
        Assert.Null(result.RpoSeconds);
        Assert.Contains("no backup was restored", result.Problems);
    }
}
