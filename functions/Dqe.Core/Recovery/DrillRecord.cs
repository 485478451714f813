namespace Dqe.Core.Recovery;

/// <summary>
/// A drill's state, carried from step to step through the workflow and written as the report: what was done
/// when, heartbeats, fault start, recovery, result and fail-back; for a region restore, what was restored.
/// </summary>
public sealed record DrillRecord(
    string RunId,
    DrScenario Scenario,
    bool DryRun,
    DateTimeOffset StartedAt,
    IReadOnlyList<DrillEvent> Events,
    int HeartbeatsWritten = 0,
    DateTimeOffset? LastHeartbeatAt = null,
    DateTimeOffset? FaultStartedAt = null,
    DateTimeOffset? RecoveredAt = null,
    bool Recovered = false,
    bool TimedOut = false,
    bool HeartbeatsDone = false,
    DrillResult? Result = null,
    bool? FailBackVerified = null,
    string Error = "",
    Restore.RegionRestoreState? Restore = null)
{
    public DrillRecord With(DateTimeOffset at, string kind, string detail) => this with { Events = [.. Events, new DrillEvent(at, kind, detail)] };
}
