using Dqe.Cdk.Config;
using Dqe.Core.Remediation;
using static Dqe.Cdk.Observability.Rules.EngineMetrics;

namespace Dqe.Cdk.Observability.Rules;

/// <summary>Alert rules for the Trino cluster (namespace trino).</summary>
internal static class TrinoAlertRules
{
    public static AlertRuleGroup Group(AlertThresholdsConfig t) => new("dqe-trino",
    [
        new AlertRule(
            "DqeTrinoQueryFailureRateHigh",
            $"sum by (namespace) (rate({TrinoFailedTotal}[10m])) / (sum by (namespace) (rate({TrinoCompletedTotal}[10m])) > 0) > {Promql.Number(t.TrinoFailureRatio)}",
            "10m", Severity.Warning, RunbookActions.None,
            "Trino query failure rate is high",
            "More Trino queries than the configured ratio failed over 10 minutes. Check the coordinator log for the error codes (user errors vs. internal/external)."),
        new AlertRule(
            "DqeTrinoQueueGrowing",
            $"max by (namespace) ({TrinoQueued}) > {t.TrinoQueuedQueries} and max by (namespace) (delta({TrinoQueued}[10m])) > 0",
            "10m", Severity.Warning, RunbookActions.ScaleTrinoWorkers,
            "Trino query queue is long and still growing",
            "Queued queries exceed the threshold and kept rising for 10 minutes: the cluster lacks capacity. The remediation scales the workers up."),
        new AlertRule(
            "DqeTrinoWorkersBelowMinimum",
            // The coordinator counts itself among the active nodes.
            $"max by (namespace) ({TrinoActiveNodes}) - 1 < {t.TrinoMinWorkers}",
            "5m", Severity.Critical, RunbookActions.ScaleTrinoWorkers,
            "Trino has fewer active workers than the minimum",
            "Fewer workers are registered with the coordinator than the configured minimum. Check worker pods, node capacity and the analytics node group."),
        new AlertRule(
            "DqeTrinoP95LatencyHigh",
            $"max by (namespace) ({TrinoExecutionP95Ms}) / 1000 > {t.TrinoP95LatencySeconds}",
            "15m", Severity.Warning, RunbookActions.CancelTrinoQuery,
            "Trino p95 query latency is high",
            "The five-minute p95 execution time stayed above the threshold for 15 minutes. Look for runaway queries; the remediation cancels the longest-running ones."),
    ]);
}
