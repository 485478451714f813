namespace Dqe.Core.Engines.ClickHouse;

/// <summary>
/// Exact row count and an order-independent content checksum (<c>sum(cityHash64(*))</c>, wrapping UInt64) of a
/// table: equal before backup and after restore means the same rows, whatever the part layout.
/// </summary>
public sealed record ClickHouseTableStats(string Database, string Table, long Rows, ulong Checksum);
