namespace Dqe.Core.Chaos.Campaigns;

/// <summary>Fault kinds a campaign may use and the Chaos Mesh kind (or node action) each becomes.</summary>
public static class FaultTypes
{
    public const string PodKill = "pod-kill";
    public const string PodFailure = "pod-failure";
    public const string ContainerKill = "container-kill";
    public const string NetworkDelay = "network-delay";
    public const string NetworkLoss = "network-loss";
    public const string NetworkPartition = "network-partition";
    public const string StressCpu = "stress-cpu";
    public const string StressMemory = "stress-memory";

    /// <summary>Cordon + drain through the Kubernetes API (no Chaos Mesh object); <c>scope</c> is node or zone.</summary>
    public const string NodeDrain = "node-drain";

    public static IReadOnlyList<string> All { get; } =
        [PodKill, PodFailure, ContainerKill, NetworkDelay, NetworkLoss, NetworkPartition, StressCpu, StressMemory, NodeDrain];

    public static bool IsNodeAction(string type) => type == NodeDrain;

    /// <summary>Chaos Mesh kind and REST plural for a pod-level fault.</summary>
    public static (string Kind, string Plural) ChaosMeshKind(string type) => type switch
    {
        PodKill or PodFailure or ContainerKill => ("PodChaos", "podchaos"),
        NetworkDelay or NetworkLoss or NetworkPartition => ("NetworkChaos", "networkchaos"),
        StressCpu or StressMemory => ("StressChaos", "stresschaos"),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a Chaos Mesh fault"),
    };
}
