namespace Dqe.Core.Backup;

/// <summary>Outcome of restoring a backup into scratch databases and comparing every table with the manifest.</summary>
public sealed record VerificationResult(bool Passed, DateTimeOffset CheckedAt, IReadOnlyList<TableCheck> Tables, IReadOnlyList<string> Problems);
