namespace Dqe.Core.Remediation;

/// <summary>
/// The automatic remediation actions an alert may name in its <c>remediation</c> label. This list is the single
/// source of truth shared by the CDK alert rules (which may only name these) and the remediation workflow/CLI
/// (which implements them).
/// </summary>
public static class RunbookActions
{
    public const string RestartPod = "restart-pod";
    public const string ScaleTrinoWorkers = "scale-trino-workers";
    public const string AddClickHouseReplica = "add-clickhouse-replica";
    public const string RestartClickHouseReplica = "restart-clickhouse-replica";
    public const string CancelTrinoQuery = "cancel-trino-query";
    public const string DrainNode = "drain-node";
    public const string None = "none";

    /// <summary>Every action name with its one-line description.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RestartPod] = "Delete the crash-looping pod so its controller recreates it.",
        [ScaleTrinoWorkers] = "Scale the Trino worker Deployment up (bounded by the configured maximum).",
        [AddClickHouseReplica] = "Add a ClickHouse replica to the lagging or read-only shard.",
        [RestartClickHouseReplica] = "SYSTEM RESTART REPLICA on the read-only ClickHouse replica so it reconnects to Keeper and resyncs.",
        [CancelTrinoQuery] = "Cancel the runaway Trino query named by the alert's query_id label.",
        [DrainNode] = "Cordon and drain the unhealthy node so its pods reschedule elsewhere.",
        [None] = "No automatic action: a human follows the runbook.",
    };
}
