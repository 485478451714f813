namespace Dqe.Core.Engines.ClickHouse;

/// <summary>Health columns of one <c>system.replicas</c> row.</summary>
public sealed record ClickHouseReplicaStatus(
    string Database, string Table, bool IsReadonly, bool IsSessionExpired, long AbsoluteDelaySeconds, long QueueSize, long ActiveReplicas, long TotalReplicas);
