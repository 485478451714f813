using Dqe.Cdk.Config;
using Dqe.Core.Remediation;
using static Dqe.Cdk.Observability.Rules.EngineMetrics;

namespace Dqe.Cdk.Observability.Rules;

/// <summary>Alert rules for the ClickHouse cluster and its Keeper ensemble (namespace clickhouse).</summary>
internal static class ClickHouseAlertRules
{
    public static AlertRuleGroup Group(AlertThresholdsConfig t) => new("dqe-clickhouse",
    [
        new AlertRule(
            "DqeClickHouseReadonlyReplica",
            $"max by (namespace, pod) ({ClickHouseReadonlyReplica}) > 0",
            "5m", Severity.Critical, RunbookActions.RestartClickHouseReplica,
            "ClickHouse replica is read-only",
            "A replicated table is read-only on this replica, usually after losing its Keeper session. Inserts to it fail. The remediation restarts the replica pod."),
        new AlertRule(
            "DqeClickHouseReplicationDelay",
            $"max by (namespace, pod) ({ClickHouseReplicaDelaySeconds}) > {t.ClickHouseReplicationDelaySeconds}",
            "10m", Severity.Warning, RunbookActions.RestartClickHouseReplica,
            "ClickHouse replica lags behind",
            "The replica's absolute delay exceeds the threshold. Check system.replication_queue for stuck entries; the remediation restarts the replica so it resyncs."),
        new AlertRule(
            "DqeClickHouseTooManyParts",
            $"max by (namespace, pod) ({ClickHouseMaxPartsPerPartition}) > {t.ClickHouseMaxPartsPerPartition}",
            "10m", Severity.Warning, RunbookActions.None,
            "ClickHouse partition has too many active parts",
            "Merges do not keep up with inserts; ClickHouse throttles and then rejects inserts. Batch inserts into fewer, larger blocks and check merge activity."),
        new AlertRule(
            "DqeClickHouseKeeperUnavailable",
            $"max by (namespace, pod) ({ClickHouseKeeperSessions}) < 1",
            "2m", Severity.Critical, RunbookActions.None,
            "ClickHouse has no Keeper session",
            "The server has no session with ClickHouse Keeper: replicated tables turn read-only. Check the Keeper pods' quorum and their persistent volumes."),
    ]);
}
