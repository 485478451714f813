using Dqe.Core.Backup;

namespace Dqe.Core.Recovery.Restore;

/// <summary>
/// A region restore so far, carried between the workflow's steps and merged into the drill record at measure:
/// which backup, source → restored databases, progress, verification, the newest data present afterwards (RPO),
/// and what the extras restore did (catalog tables sent to Glue, topics applied).
/// </summary>
public sealed record RegionRestoreState(
    string RunId,
    string BackupId,
    BackupKind Kind,
    DateTimeOffset BackupStartedAt,
    string Location,
    IReadOnlyDictionary<string, string> Databases,
    DateTimeOffset GiveUpAt,
    BackupProgress? Progress = null,
    VerificationResult? Verification = null,
    DateTimeOffset? NewestDataAt = null,
    int CatalogPages = 0,
    int CatalogTables = 0,
    IReadOnlyList<string>? Topics = null)
{
    /// <summary>The workflow's Choice waits and polls again while this is true.</summary>
    public bool Running => Progress?.State == BackupState.Running;
}
