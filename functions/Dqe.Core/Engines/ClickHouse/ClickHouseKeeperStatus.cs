namespace Dqe.Core.Engines.ClickHouse;

/// <summary>Whether the server has a Keeper/ZooKeeper configured and can read its root.</summary>
public sealed record ClickHouseKeeperStatus(bool Configured, bool Reachable, string Detail);
