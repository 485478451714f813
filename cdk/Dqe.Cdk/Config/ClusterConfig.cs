namespace Dqe.Cdk.Config;

/// <summary>The EKS control plane.</summary>
public sealed record ClusterConfig
{
    /// <summary>Kubernetes minor version, "1.MINOR" (1.30 or 1.31: the versions the bundled kubectl 1.31 layer supports).</summary>
    public string KubernetesVersion { get; init; } = "1.31";

    /// <summary>CIDRs allowed to reach the public API endpoint; empty means a private-only endpoint. 0.0.0.0/0 only when ephemeral.</summary>
    public IReadOnlyList<string> PublicEndpointCidrs { get; init; } = [];

    /// <summary>IAM role ARNs granted cluster-admin through EKS access entries (e.g. the deploy role, break-glass role).</summary>
    public IReadOnlyList<string> AdminRoleArns { get; init; } = [];

    /// <summary>Cluster Autoscaler Helm chart version (kubernetes.github.io/autoscaler); 9.43.x runs autoscaler 1.31.</summary>
    public string ClusterAutoscalerChartVersion { get; init; } = "9.43.2";

    /// <summary>
    /// Pinned external-secrets chart version (charts.external-secrets.io): the one External Secrets operator of the
    /// environment, installed by the platform stack and used by the engines and observability stacks.
    /// </summary>
    public string ExternalSecretsChartVersion { get; init; } = "0.10.7";
}
