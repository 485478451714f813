namespace Dqe.Core.Recovery;

/// <summary>
/// Measured RTO (fault start → both canaries succeed) and RPO (last heartbeat written → newest heartbeat present),
/// null when not measured, against the scenario's objectives.
/// </summary>
public sealed record DrillResult(double? RtoSeconds, double? RpoSeconds, DrObjective Objective, bool RtoMet, bool RpoMet, IReadOnlyList<string> Problems)
{
    public bool Passed => RtoMet && RpoMet && Problems.Count == 0;
}
