using System.Text.Json.Serialization;

namespace Dqe.Cdk.Engines;

/// <summary>Values of the Fairwinds vpa chart (4.x layout), only the keys Dqe sets.</summary>
/// <param name="MetricsServer">The chart's metrics-server subchart: the recommender reads live usage from metrics.k8s.io.</param>
internal sealed record VpaValues(
    VpaValues.RecommenderValues Recommender,
    VpaValues.Toggle Updater,
    VpaValues.Toggle AdmissionController,
    [property: JsonPropertyName("metrics-server")] VpaValues.MetricsServerValues MetricsServer)
{
    internal sealed record RecommenderValues(bool Enabled, object NodeSelector, ResourceValues Resources);

    internal sealed record Toggle(bool Enabled);

    internal sealed record MetricsServerValues(bool Enabled, object NodeSelector);
}
