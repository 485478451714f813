using Amazon.CDK.AWS.EKS;
using Constructs;
using Dqe.Cdk.Config;
using Dqe.Cdk.Platform;

namespace Dqe.Cdk.Engines;

/// <param name="Cluster">The cluster.</param>
/// <param name="Config">Chart version and switches.</param>
/// <param name="Engines">Layouts of the engines whose pods get recommendations.</param>
/// <param name="Namespaces">Namespaces the chart and the VerticalPodAutoscalers go into.</param>
public sealed record ResourceRecommendationsProps(ICluster Cluster, VpaConfig Config, EnginesConfig Engines, EngineNamespaces Namespaces);

/// <summary>
/// The Vertical Pod Autoscaler in recommendation mode: the chart with only the recommender (no updater, no admission
/// controller, so no pod is evicted or mutated) and one VerticalPodAutoscaler with updateMode Off per engine
/// workload. kube-state-metrics exports the recommendations to Prometheus (see the observability stack).
/// </summary>
public sealed class ResourceRecommendations : Construct
{
    public const string ChartName = "vpa";

    public ResourceRecommendations(Construct scope, string id, ResourceRecommendationsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Chart = Kube.Chart(this, "Chart", props.Cluster,
            new HelmRelease(ChartName, "https://charts.fairwinds.com/stable", props.Config.ChartVersion, EngineNamespaces.Vpa, "vpa"),
            new VpaValues(
                new VpaValues.RecommenderValues(true, Kube.GeneralNodeSelector, Kube.Resources(new PodResourcesConfig { MemoryGib = 1, Cpu = 0.5 })),
                new VpaValues.Toggle(false),
                new VpaValues.Toggle(false),
                new VpaValues.MetricsServerValues(props.Config.InstallMetricsServer, Kube.GeneralNodeSelector)));
        Chart.Node.AddDependency(props.Namespaces.Manifest);

        Targets = VpaTargets.All(props.Engines);
        Objects = Kube.Apply(this, "Autoscalers", props.Cluster, [.. Targets.Select(Autoscaler)]);
        // The chart installs the VerticalPodAutoscaler CRD.
        Objects.Node.AddDependency(Chart);
    }

    public HelmChart Chart { get; }

    public KubernetesManifest Objects { get; }

    /// <summary>Workloads with a VerticalPodAutoscaler.</summary>
    internal IReadOnlyList<VpaTarget> Targets { get; }

    private static object Autoscaler(VpaTarget target) => new
    {
        apiVersion = "autoscaling.k8s.io/v1",
        kind = "VerticalPodAutoscaler",
        metadata = new { name = target.Name, @namespace = target.Namespace, labels = Kube.Labels((EngineNamespaces.EngineLabel, target.Namespace)) },
        spec = new
        {
            targetRef = new { apiVersion = target.ApiVersion, kind = target.Kind, name = target.Name },
            // Recommend only: with Off the VPA never evicts or resizes, whatever else is installed.
            updatePolicy = new { updateMode = "Off" },
            resourcePolicy = new
            {
                containerPolicies = new object[]
                {
                    new { containerName = target.Container, controlledResources = new[] { "cpu", "memory" } },
                    // Sidecars (metrics exporters) are sized by hand.
                    new { containerName = "*", mode = "Off" },
                },
            },
        },
    };
}
