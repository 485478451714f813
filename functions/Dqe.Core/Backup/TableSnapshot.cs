namespace Dqe.Core.Backup;

/// <summary>One table as it was when backed up: exact rows, content checksum (<c>sum(cityHash64(*))</c>) and bytes on disk.</summary>
public sealed record TableSnapshot(string Database, string Table, long Rows, ulong Checksum, long Bytes);
