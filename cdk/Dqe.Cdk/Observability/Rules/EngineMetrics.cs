namespace Dqe.Cdk.Observability.Rules;

/// <summary>
/// The metric names the engines expose, the contract between the engine deployments (JMX exporter rules for
/// Trino, ClickHouse's built-in Prometheus endpoint) and the alert rules and dashboards.
/// </summary>
public static class EngineMetrics
{
    public const string TrinoQueued = "trino_execution_QueryManager_QueuedQueries";
    public const string TrinoRunning = "trino_execution_QueryManager_RunningQueries";
    public const string TrinoFailedTotal = "trino_execution_QueryManager_FailedQueries_TotalCount";
    public const string TrinoCompletedTotal = "trino_execution_QueryManager_CompletedQueries_TotalCount";

    /// <summary>Execution time quantiles over five minutes, in milliseconds.</summary>
    public const string TrinoExecutionP50Ms = "trino_execution_QueryManager_ExecutionTime_FiveMinutes_P50";

    /// <summary>Execution time quantiles over five minutes, in milliseconds.</summary>
    public const string TrinoExecutionP95Ms = "trino_execution_QueryManager_ExecutionTime_FiveMinutes_P95";

    /// <summary>Active nodes seen by the coordinator, the coordinator included.</summary>
    public const string TrinoActiveNodes = "trino_metadata_DiscoveryNodeManager_ActiveNodeCount";

    public const string ClickHouseQueriesTotal = "ClickHouseProfileEvents_Query";
    public const string ClickHouseFailedQueriesTotal = "ClickHouseProfileEvents_FailedQuery";
    public const string ClickHouseReadonlyReplica = "ClickHouseMetrics_ReadonlyReplica";
    public const string ClickHouseReplicaDelaySeconds = "ClickHouseAsyncMetrics_ReplicasMaxAbsoluteDelay";
    public const string ClickHouseMaxPartsPerPartition = "ClickHouseAsyncMetrics_MaxPartCountForPartition";
    public const string ClickHouseMerges = "ClickHouseMetrics_Merge";
    public const string ClickHouseKeeperSessions = "ClickHouseMetrics_ZooKeeperSession";
}
