namespace Dqe.Cdk.Engines;

/// <summary>A workload a VerticalPodAutoscaler recommends for (the VPA takes the workload's name).</summary>
/// <param name="Namespace">Namespace of the workload.</param>
/// <param name="ApiVersion">API version of the workload (a kind with the scale subresource).</param>
/// <param name="Kind">Deployment, StatefulSet or KafkaNodePool.</param>
/// <param name="Name">Name of the workload.</param>
/// <param name="Container">The engine container the recommendation is for.</param>
internal sealed record VpaTarget(string Namespace, string ApiVersion, string Kind, string Name, string Container);
