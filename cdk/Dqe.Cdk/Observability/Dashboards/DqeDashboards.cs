using static Dqe.Cdk.Observability.Dashboards.ReliabilityMetrics;
using static Dqe.Cdk.Observability.Rules.EngineMetrics;

namespace Dqe.Cdk.Observability.Dashboards;

/// <summary>The dashboards Grafana provisions: query performance per engine, cluster health, reliability drills, VPA recommendations.</summary>
public static class DqeDashboards
{
    private const string EngineNamespaceRegex = Engines.EngineNamespaces.Trino + "|" + Engines.EngineNamespaces.ClickHouse + "|" + Engines.EngineNamespaces.Kafka;

    public static IReadOnlyList<Dashboard> All { get; } = [Trino(), ClickHouse(), ClusterHealth(), Reliability(), Recommendations()];

    private static Dashboard Trino() => new DashboardBuilder("dqe-trino", "Dqe / Trino query performance")
        .Row("Queries")
        .TimeSeries("Queued and running queries", "short",
            ($"sum({TrinoQueued})", "queued"), ($"sum({TrinoRunning})", "running"))
        .TimeSeries("Failed queries per second", "reqps",
            ($"sum(rate({TrinoFailedTotal}[5m]))", "failed"), ($"sum(rate({TrinoCompletedTotal}[5m]))", "completed"))
        .TimeSeries("Query execution time p50 / p95", "ms",
            ($"max({TrinoExecutionP50Ms})", "p50"), ($"max({TrinoExecutionP95Ms})", "p95"))
        .Stat("Active workers", "short", $"max({TrinoActiveNodes}) - 1")
        .Row("Long-term (Thanos, downsampled)")
        .LongTermSeries("p95 execution time, daily max", "ms", ($"max(max_over_time({TrinoExecutionP95Ms}[1d]))", "p95"))
        .LongTermSeries("Failure ratio, daily", "percentunit",
            ($"sum(increase({TrinoFailedTotal}[1d])) / sum(increase({TrinoCompletedTotal}[1d]))", "failed / completed"))
        .Build();

    private static Dashboard ClickHouse() => new DashboardBuilder("dqe-clickhouse", "Dqe / ClickHouse query performance")
        .Row("Queries")
        .TimeSeries("Queries per second", "reqps",
            ($"sum(rate({ClickHouseQueriesTotal}[5m]))", "queries"), ($"sum(rate({ClickHouseFailedQueriesTotal}[5m]))", "failed"))
        .TimeSeries("Replica lag", "s", ($"max by (pod) ({ClickHouseReplicaDelaySeconds})", "{{pod}}"))
        .Row("Storage and replication")
        .TimeSeries("Max parts per partition", "short", ($"max by (pod) ({ClickHouseMaxPartsPerPartition})", "{{pod}}"))
        .TimeSeries("Running merges", "short", ($"sum by (pod) ({ClickHouseMerges})", "{{pod}}"))
        .TimeSeries("Keeper sessions", "short", ($"sum by (pod) ({ClickHouseKeeperSessions})", "{{pod}}"))
        .TimeSeries("Read-only replicas", "short", ($"sum by (pod) ({ClickHouseReadonlyReplica})", "{{pod}}"))
        .Build();

    private static Dashboard ClusterHealth() => new DashboardBuilder("dqe-cluster-health", "Dqe / Cluster health")
        .Row("Nodes")
        .Stat("Ready nodes", "short", "sum(kube_node_status_condition{condition=\"Ready\",status=\"true\"})")
        .Stat("Not-ready nodes", "short", "sum(kube_node_status_condition{condition=\"Ready\",status=\"true\"} == 0) or vector(0)")
        .TimeSeries("CPU used by node", "percentunit",
            ("1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[5m]))", "{{instance}}"))
        .TimeSeries("Memory available by node", "bytes", ("node_memory_MemAvailable_bytes", "{{instance}}"))
        .Row("Workloads")
        .TimeSeries("Container restarts (1h) by namespace", "short",
            ("sum by (namespace) (increase(kube_pod_container_status_restarts_total[1h]))", "{{namespace}}"))
        .TimeSeries("PVC used", "percentunit",
            ("max by (namespace, persistentvolumeclaim) (1 - kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes)", "{{namespace}}/{{persistentvolumeclaim}}"))
        .TimeSeries("Scrape targets down by namespace", "short", ("sum by (namespace) (up == 0)", "{{namespace}}"))
        .TimeSeries("Firing Dqe alerts by severity", "short",
            ("sum by (severity) (ALERTS{alertstate=\"firing\",alertname=~\"Dqe.*\"})", "{{severity}}"))
        .Build();

    private static Dashboard Reliability() => new DashboardBuilder("dqe-reliability", "Dqe / Reliability drills")
        .Row("Benchmarks")
        .CloudWatch("Benchmark p95 latency by engine", "ms", Namespace, BenchmarkP95Ms, "Maximum", EngineDimension)
        .CloudWatch("Benchmark throughput by engine", "reqps", Namespace, BenchmarkQueriesPerSecond, "Average", EngineDimension)
        .Row("Chaos")
        .CloudWatch("Chaos runs passed (1) / failed (0)", "short", Namespace, ChaosRunPassed, "Minimum", ExperimentDimension)
        .TimeSeries("Remediation-labelled alerts firing", "short",
            ("sum by (remediation) (ALERTS{alertstate=\"firing\",remediation!=\"none\",remediation!=\"\"})", "{{remediation}}"))
        .Row("Backup and DR")
        .CloudWatch("Backups succeeded", "short", Namespace, BackupSucceeded, "Minimum", EngineDimension)
        .CloudWatch("Restores verified", "short", Namespace, RestoreVerified, "Minimum", EngineDimension)
        .CloudWatch("DR recovery time (RTO)", "s", Namespace, DrRecoveryTimeSeconds, "Maximum", EngineDimension)
        .CloudWatch("DR data loss window (RPO)", "s", Namespace, DrRecoveryPointSeconds, "Maximum", EngineDimension)
        .Build();

    private static Dashboard Recommendations()
    {
        var builder = new DashboardBuilder("dqe-vpa", "Dqe / Resource recommendations (VPA)");
        RecommendationRow(builder, "Memory", "memory", "bytes");
        builder.Stat("Workloads with a recommendation", "short", $"count(count by (namespace, verticalpodautoscaler) ({VpaMetrics.Target})) or vector(0)");
        RecommendationRow(builder, "CPU", "cpu", "short");
        return builder.Build();
    }

    /// <summary>One resource: VPA target against the containers' requests, their ratio, and the VPA's bounds.</summary>
    private static void RecommendationRow(DashboardBuilder builder, string title, string resource, string unit)
    {
        // Requests of the engine containers, by the same labels the recommendations carry.
        var requests = $"max by (namespace, container) (kube_pod_container_resource_requests{{resource=\"{resource}\",namespace=~\"{EngineNamespaceRegex}\"}})";
        string Recommended(string metric) => $"max by (namespace, container) ({metric}{{resource=\"{resource}\"}})";
        builder.Row(title)
            .TimeSeries($"{title}: VPA target vs request", unit,
                (Recommended(VpaMetrics.Target), "{{namespace}}/{{container}} target"), (requests, "{{namespace}}/{{container}} request"))
            .TimeSeries($"{title}: request / VPA target", "percentunit", ($"{requests} / {Recommended(VpaMetrics.Target)}", "{{namespace}}/{{container}}"))
            .TimeSeries($"{title}: VPA lower and upper bound", unit,
                (Recommended(VpaMetrics.LowerBound), "{{namespace}}/{{container}} lower"), (Recommended(VpaMetrics.UpperBound), "{{namespace}}/{{container}} upper"));
    }
}
