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
        if (scenario == DrScenario.RegionRestore)
        {
            return
            [
                "check both engines of the dr environment answer canary queries (refuse to start otherwise)",
                Fault(options, scenario),
                "find the newest usable (verified) backup manifest in the replicated backups bucket",
                "RESTORE its databases into dqe_restore_<run id>_<database> (ASYNC, progress polled from system.backups)",
                "verify every table's row count and checksum against the manifest; read the newest heartbeat restored",
                "re-create the saved Glue tables in the lake database (create, or update one that exists) and re-apply the saved KafkaTopics",
                $"run canary queries until both engines answer (give up after {options.RecoveryTimeoutSeconds} s)",
                $"measure RTO from drill start (objective {objective.RtoSeconds} s) and RPO = drill start - newest restored data (objective {objective.RpoSeconds} s)",
                "fail back: drop the dqe_restore_<run id>_* databases, verify none are left",
            ];
        }

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
