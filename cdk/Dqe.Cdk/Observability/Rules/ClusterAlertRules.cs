using Dqe.Cdk.Config;
using Dqe.Core.Remediation;

namespace Dqe.Cdk.Observability.Rules;

/// <summary>Alert rules for the Kubernetes cluster, from kube-state-metrics and the kubelets.</summary>
internal static class ClusterAlertRules
{
    public const string NodeNotReady = "DqeNodeNotReady";

    /// <summary>Alerts about pods; each carries a node label so a down node inhibits them.</summary>
    public static IReadOnlyList<string> PodAlerts { get; } = ["DqePodCrashLooping"];

    public static AlertRuleGroup Group(AlertThresholdsConfig t) => new("dqe-cluster",
    [
        new AlertRule(
            NodeNotReady,
            "max by (node) (kube_node_status_condition{condition=\"Ready\",status=\"true\"}) == 0",
            "5m", Severity.Critical, RunbookActions.DrainNode,
            "Kubernetes node is not ready",
            "The node reported NotReady (or stopped reporting) for 5 minutes. The remediation cordons and drains it so its pods reschedule."),
        new AlertRule(
            PodAlerts[0],
            // Joined with kube_pod_info for the node label, which lets a NotReady node inhibit this alert.
            "max by (namespace, pod, container) (kube_pod_container_status_waiting_reason{reason=\"CrashLoopBackOff\"}) * on (namespace, pod) group_left (node) max by (namespace, pod, node) (kube_pod_info) > 0",
            "10m", Severity.Warning, RunbookActions.RestartPod,
            "Pod is crash-looping",
            "A container keeps restarting (CrashLoopBackOff). Check its previous logs (kubectl logs --previous); the remediation deletes the pod once."),
        new AlertRule(
            "DqePersistentVolumeFillingUp",
            $"max by (namespace, persistentvolumeclaim) (1 - kubelet_volume_stats_available_bytes / kubelet_volume_stats_capacity_bytes) > {Promql.Number(t.PvcUsedRatio)}",
            "10m", Severity.Warning, RunbookActions.None,
            "PersistentVolumeClaim is nearly full",
            "The volume's used fraction is above the threshold. Expand the PVC (the gp3 StorageClass allows expansion) or free space."),
    ]);
}
