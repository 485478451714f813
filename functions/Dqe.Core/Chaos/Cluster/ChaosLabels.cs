namespace Dqe.Core.Chaos.Cluster;

/// <summary>
/// How Dqe marks what a chaos run changed, so rollback and the sweeper find it in the cluster (never in
/// memory): every Chaos Mesh object and every cordoned node carries the run id label and an expiry.
/// </summary>
public static class ChaosLabels
{
    public const string RunId = "dqe.io/run-id";
    public const string Campaign = "dqe.io/campaign";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "dqe-chaos";

    /// <summary>Annotation: when the sweeper may assume the run crashed and remove this (ISO-8601 UTC).</summary>
    public const string ExpiresAt = "dqe.io/expires-at";

    /// <summary>Chaos Mesh's annotation that drops its recovery finalizer when the target pod is gone.</summary>
    public const string CleanFinalizer = "chaos-mesh.chaos-mesh.org/cleanFinalizer";

    public const string ChaosGroup = "chaos-mesh.org";
    public const string ChaosVersion = "v1alpha1";

    /// <summary>Every Chaos Mesh plural Dqe creates; rollback and the sweeper look in all of them.</summary>
    public static IReadOnlyList<string> Plurals { get; } = ["podchaos", "networkchaos", "stresschaos"];

    public const string ZoneLabel = "topology.kubernetes.io/zone";

    public static string RunSelector(string runId) => $"{RunId}={runId}";

    public static string ManagedSelector => $"{ManagedBy}={ManagedByValue}";
}
