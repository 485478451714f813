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
}
