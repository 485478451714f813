namespace Dqe.Core.Backup;

/// <summary>
/// Where a restore reads and what it creates: operation <paramref name="OperationId"/> (the <c>system.backups</c> id)
/// restores from <paramref name="Location"/> (the primary's bucket, or the replica in the dr region) each source
/// database into its target (<paramref name="Databases"/>: source → target); <paramref name="BaseLocation"/> is an
/// incremental's base at the same place.
/// </summary>
public sealed record RestoreTarget(string OperationId, string Location, IReadOnlyDictionary<string, string> Databases, string? BaseLocation = null);
