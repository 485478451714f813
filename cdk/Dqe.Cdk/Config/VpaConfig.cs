namespace Dqe.Cdk.Config;

/// <summary>
/// The Vertical Pod Autoscaler in recommendation mode: only the recommender runs (no updater, no admission
/// controller), and the engines' VerticalPodAutoscalers have updateMode Off, so nothing is ever evicted or resized.
/// </summary>
public sealed record VpaConfig
{
    public bool Enabled { get; init; } = true;

    /// <summary>Pinned Fairwinds vpa chart version (charts.fairwinds.com/stable); 4.7.1 runs VPA 1.0.0.</summary>
    public string ChartVersion { get; init; } = "4.7.1";

    /// <summary>
    /// Install metrics-server with the chart (its subchart): the recommender reads live usage from metrics.k8s.io,
    /// which EKS does not serve by default. Set false where the cluster already runs one.
    /// </summary>
    public bool InstallMetricsServer { get; init; } = true;
}
