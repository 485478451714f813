namespace Dqe.Core.Engines.ClickHouse;

/// <summary>One row of <c>system.clusters</c>; <see cref="ErrorsCount"/> is 0 on servers without that column (before 20.x).</summary>
public sealed record ClickHouseClusterNode(string Cluster, long Shard, long Replica, string Host, long Port, bool IsLocal, long ErrorsCount);
