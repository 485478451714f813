using System.Text.RegularExpressions;

namespace Dqe.Core.Backup;

/// <summary>Names derived from a backup id, shared by the engines and the verifier so they never disagree.</summary>
internal static partial class BackupNames
{
    public const string VerifySuffix = "-verify";

    /// <summary>Folder under a backup's id for what is saved besides ClickHouse's data (catalog, topics).</summary>
    public const string ExtrasFolder = "extras/";

    /// <summary>An attachment file name: lowercase letters, digits and dashes, ending in .json (never a path).</summary>
    public static string RequireAttachment(string name) =>
        name is not null && AttachmentPattern().IsMatch(name) ? name : throw new ArgumentException($"attachment name '{name}' must match {AttachmentPattern()}.", nameof(name));

    /// <summary>Scratch database a verification restores <paramref name="database"/> into.</summary>
    public static string Scratch(string backupId, string database) => $"dqe_verify_{Flat(backupId)}_{database}";

    /// <summary>Where the copy fallback keeps <paramref name="database"/> for backup <paramref name="backupId"/>.</summary>
    public static string Holding(string backupId, string database) => $"dqe_bk_{Flat(backupId)}_{database}";

    /// <summary>Database a region-restore drill <paramref name="runId"/> restores <paramref name="database"/> into (dropped by its fail-back).</summary>
    public static string Restored(string runId, string database) => RestoredPrefix(runId) + database;

    /// <summary>Every database a region-restore drill restored starts with this.</summary>
    public static string RestoredPrefix(string runId) => $"dqe_restore_{Flat(runId)}_";

    /// <summary>
    /// Prefix of the databases an operation fills: a drill run (<c>dr-...</c>) restores into
    /// <see cref="RestoredPrefix"/>, a verification into the scratch databases, a backup into the holding ones.
    /// </summary>
    public static string TargetPrefix(string operationId) =>
        operationId is not null && operationId.StartsWith("dr-", StringComparison.Ordinal) ? RestoredPrefix(operationId)
        : operationId is not null && operationId.EndsWith(VerifySuffix, StringComparison.Ordinal) ? $"dqe_verify_{Flat(operationId[..^VerifySuffix.Length])}_"
        : $"dqe_bk_{Flat(operationId!)}_";

    public static string Flat(string backupId) => BackupSql.RequireId(backupId).Replace('-', '_');

    /// <summary>Backed-up tables: the MergeTree family (views, Distributed and Kafka tables hold no data of their own).</summary>
    public static string TablesQuery(string database) =>
        $"SELECT name FROM system.tables WHERE database = '{database}' AND engine LIKE '%MergeTree' ORDER BY name";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,60}\\.json$")]
    private static partial Regex AttachmentPattern();
}
