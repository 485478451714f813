namespace Dqe.Core.Recovery;

/// <summary>
/// Request of <c>dqe.dr-drill</c>: <see cref="Action"/> start (<see cref="Scenario"/>, <see cref="DryRun"/>), then
/// heartbeat, fault, check, measure, fail-back (with <see cref="Error"/> on the failure path) and report, each with
/// the <see cref="Record"/> the previous step returned; measure of a region restore also takes the restore's <see cref="Restore"/> state.
/// </summary>
public sealed record DrillStepRequest(string Action, string? Scenario = null, bool DryRun = false, DrillRecord? Record = null, string? Error = null, Restore.RegionRestoreState? Restore = null);
