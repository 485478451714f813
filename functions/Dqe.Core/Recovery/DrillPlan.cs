namespace Dqe.Core.Recovery;

/// <summary>Human-readable steps of a drill, for dry runs and the timeline.</summary>
public static class DrillPlan
{
    /// <summary>Every step a drill of <paramref name="scenario"/> would take; validates <paramref name="options"/> first.</summary>
    public static IReadOnlyList<string> Steps(DrillOptions options, DrScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(scenario);
        var objective = options.ObjectiveOf(scenario);
        return
        [
            "check both engines answer canary queries (refuse to start otherwise)",
            $"write {options.HeartbeatCount} heartbeats to {HeartbeatTable.Database}.heartbeat, {options.HeartbeatIntervalSeconds} s apart",
            Fault(options, scenario),
            $"run canary queries until both engines answer (give up after {options.RecoveryTimeoutSeconds} s)",
            $"measure RTO (objective {objective.RtoSeconds} s) and RPO (objective {objective.RpoSeconds} s)",
            $"fail back: uncordon nodes and delete scratch namespaces labelled {DrillIds.Label}=<run id>, verify none are left",
        ];
    }

    public static string Fault(DrillOptions options, DrScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(options);
        return scenario switch
        {
            DrScenario.ReplicaLoss => $"delete one ClickHouse replica pod and its volume claim ({options.ClickHouseSelector})",
            DrScenario.KeeperLoss => $"delete one Keeper pod ({options.KeeperSelector})",
            DrScenario.TrinoCoordinatorLoss => $"delete the Trino coordinator pod ({options.TrinoCoordinatorSelector})",
            DrScenario.AzLoss => $"cordon and drain every node in {options.Zone}",
            _ => "declare the primary region lost and restore the newest usable backup in the dr region",
        };
    }
}
