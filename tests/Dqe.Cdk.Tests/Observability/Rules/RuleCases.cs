namespace Dqe.Cdk.Tests.Observability.Rules;

/// <summary>
/// Firing and not-firing cases for every Dqe alert, written against the default thresholds of
/// AlertThresholdsConfig (failure ratio 0.05, queue 20, 2 workers, p95 60 s, delay 300 s, 250 parts, PVC 85%).
/// </summary>
internal static class RuleCases
{
    private static readonly Dictionary<string, string> Trino = new() { ["namespace"] = "trino" };
    private static readonly Dictionary<string, string> ClickHouse = new() { ["namespace"] = "clickhouse", ["pod"] = "chi-dqe-0-0-0" };

    public static IReadOnlyList<RuleCase> All { get; } =
    [
        Case("failure rate 10% fires", "DqeTrinoQueryFailureRateHigh", "30m", Trino,
            ("trino_execution_QueryManager_FailedQueries_TotalCount{namespace=\"trino\",pod=\"coordinator-0\"}", "0+6x40"),
            ("trino_execution_QueryManager_CompletedQueries_TotalCount{namespace=\"trino\",pod=\"coordinator-0\"}", "0+60x40")),
        Case("failure rate 1.7% is quiet", "DqeTrinoQueryFailureRateHigh", "30m", null,
            ("trino_execution_QueryManager_FailedQueries_TotalCount{namespace=\"trino\",pod=\"coordinator-0\"}", "0+1x40"),
            ("trino_execution_QueryManager_CompletedQueries_TotalCount{namespace=\"trino\",pod=\"coordinator-0\"}", "0+60x40")),
        Case("growing queue above 20 fires", "DqeTrinoQueueGrowing", "30m", Trino,
            ("trino_execution_QueryManager_QueuedQueries{namespace=\"trino\",pod=\"coordinator-0\"}", "0+2x40")),
        Case("long but flat queue is quiet", "DqeTrinoQueueGrowing", "30m", null,
            ("trino_execution_QueryManager_QueuedQueries{namespace=\"trino\",pod=\"coordinator-0\"}", "30x40")),
        Case("one worker fires", "DqeTrinoWorkersBelowMinimum", "10m", Trino,
            ("trino_metadata_DiscoveryNodeManager_ActiveNodeCount{namespace=\"trino\",pod=\"coordinator-0\"}", "2x20")),
        Case("three workers are quiet", "DqeTrinoWorkersBelowMinimum", "10m", null,
            ("trino_metadata_DiscoveryNodeManager_ActiveNodeCount{namespace=\"trino\",pod=\"coordinator-0\"}", "4x20")),
        Case("p95 of 90 s fires", "DqeTrinoP95LatencyHigh", "20m", Trino,
            ("trino_execution_QueryManager_ExecutionTime_FiveMinutes_P95{namespace=\"trino\",pod=\"coordinator-0\"}", "90000x30")),
        Case("p95 of 30 s is quiet", "DqeTrinoP95LatencyHigh", "20m", null,
            ("trino_execution_QueryManager_ExecutionTime_FiveMinutes_P95{namespace=\"trino\",pod=\"coordinator-0\"}", "30000x30")),
        Case("read-only replica fires", "DqeClickHouseReadonlyReplica", "10m", ClickHouse,
            ("ClickHouseMetrics_ReadonlyReplica{namespace=\"clickhouse\",pod=\"chi-dqe-0-0-0\"}", "1x20")),
        Case("writable replica is quiet", "DqeClickHouseReadonlyReplica", "10m", null,
            ("ClickHouseMetrics_ReadonlyReplica{namespace=\"clickhouse\",pod=\"chi-dqe-0-0-0\"}", "0x20")),
        Case("600 s delay fires", "DqeClickHouseReplicationDelay", "20m", ClickHouse,
            ("ClickHouseAsyncMetrics_ReplicasMaxAbsoluteDelay{namespace=\"clickhouse\",pod=\"chi-dqe-0-0-0\"}", "600x30")),
        Case("10 s delay is quiet", "DqeClickHouseReplicationDelay", "20m", null,
            ("ClickHouseAsyncMetrics_ReplicasMaxAbsoluteDelay{namespace=\"clickhouse\",pod=\"chi-dqe-0-0-0\"}", "10x30")),
        Case("400 parts fire", "DqeClickHouseTooManyParts", "20m", ClickHouse,
            ("ClickHouseAsyncMetrics_MaxPartCountForPartition{namespace=\"clickhouse\",pod=\"chi-dqe-0-0-0\"}", "400x30")),
        Case("100 parts are quiet", "DqeClickHouseTooManyParts", "20m", null,
            ("ClickHouseAsyncMetrics_MaxPartCountForPartition{namespace=\"clickhouse\",pod=\"chi-dqe-0-0-0\"}", "100x30")),
        Case("no Keeper session fires", "DqeClickHouseKeeperUnavailable", "5m", ClickHouse,
            ("ClickHouseMetrics_ZooKeeperSession{namespace=\"clickhouse\",pod=\"chi-dqe-0-0-0\"}", "0x10")),
        Case("a Keeper session is quiet", "DqeClickHouseKeeperUnavailable", "5m", null,
            ("ClickHouseMetrics_ZooKeeperSession{namespace=\"clickhouse\",pod=\"chi-dqe-0-0-0\"}", "1x10")),
        Case("NotReady node fires", "DqeNodeNotReady", "10m", new() { ["node"] = "ip-10-40-1-1" },
            ("kube_node_status_condition{condition=\"Ready\",status=\"true\",node=\"ip-10-40-1-1\"}", "0x20")),
        Case("Ready node is quiet", "DqeNodeNotReady", "10m", null,
            ("kube_node_status_condition{condition=\"Ready\",status=\"true\",node=\"ip-10-40-1-1\"}", "1x20")),
        Case("crash-looping pod fires with its node", "DqePodCrashLooping", "20m",
            new() { ["namespace"] = "trino", ["pod"] = "trino-worker-1", ["container"] = "worker", ["node"] = "ip-10-40-1-1" },
            ("kube_pod_container_status_waiting_reason{namespace=\"trino\",pod=\"trino-worker-1\",container=\"worker\",reason=\"CrashLoopBackOff\"}", "1x30"),
            ("kube_pod_info{namespace=\"trino\",pod=\"trino-worker-1\",node=\"ip-10-40-1-1\"}", "1x30")),
        Case("running pod is quiet", "DqePodCrashLooping", "20m", null,
            ("kube_pod_container_status_waiting_reason{namespace=\"trino\",pod=\"trino-worker-1\",container=\"worker\",reason=\"CrashLoopBackOff\"}", "0x30"),
            ("kube_pod_info{namespace=\"trino\",pod=\"trino-worker-1\",node=\"ip-10-40-1-1\"}", "1x30")),
        Case("PVC 90% used fires", "DqePersistentVolumeFillingUp", "20m",
            new() { ["namespace"] = "clickhouse", ["persistentvolumeclaim"] = "data-chi-0" },
            ("kubelet_volume_stats_available_bytes{namespace=\"clickhouse\",persistentvolumeclaim=\"data-chi-0\"}", "10x30"),
            ("kubelet_volume_stats_capacity_bytes{namespace=\"clickhouse\",persistentvolumeclaim=\"data-chi-0\"}", "100x30")),
        Case("PVC 50% used is quiet", "DqePersistentVolumeFillingUp", "20m", null,
            ("kubelet_volume_stats_available_bytes{namespace=\"clickhouse\",persistentvolumeclaim=\"data-chi-0\"}", "50x30"),
            ("kubelet_volume_stats_capacity_bytes{namespace=\"clickhouse\",persistentvolumeclaim=\"data-chi-0\"}", "100x30")),
    ];

    public static TheoryData<RuleCase> Data()
    {
        var data = new TheoryData<RuleCase>();
        foreach (var c in All)
        {
            data.Add(c);
        }

        return data;
    }

    private static RuleCase Case(string name, string alert, string evalTime, Dictionary<string, string>? firesWith, params (string, string)[] series) =>
        new($"{alert}: {name}", alert, evalTime, series, firesWith);
}
