namespace Dqe.Core.Engines.ClickHouse;

/// <summary>What <see cref="ClickHouseHealthService.CheckAsync"/> saw; <see cref="Problems"/> is empty when healthy.</summary>
public sealed record ClickHouseClusterHealth(
    string Version,
    IReadOnlyList<ClickHouseClusterNode> Nodes,
    IReadOnlyList<ClickHouseReplicaStatus> Replicas,
    ClickHouseKeeperStatus Keeper,
    IReadOnlyList<string> Problems)
{
    public bool Healthy => Problems.Count == 0;
}
