namespace Dqe.Core.Backup;

/// <summary>Names derived from a backup id, shared by the engines and the verifier so they never disagree.</summary>
internal static class BackupNames
{
    public const string VerifySuffix = "-verify";

    /// <summary>Scratch database a verification restores <paramref name="database"/> into.</summary>
    public static string Scratch(string backupId, string database) => $"dqe_verify_{Flat(backupId)}_{database}";

    /// <summary>Where the copy fallback keeps <paramref name="database"/> for backup <paramref name="backupId"/>.</summary>
    public static string Holding(string backupId, string database) => $"dqe_bk_{Flat(backupId)}_{database}";

    public static string Flat(string backupId) => BackupSql.RequireId(backupId).Replace('-', '_');

    /// <summary>Backed-up tables: the MergeTree family (views, Distributed and Kafka tables hold no data of their own).</summary>
    public static string TablesQuery(string database) =>
        $"SELECT name FROM system.tables WHERE database = '{database}' AND engine LIKE '%MergeTree' ORDER BY name";
}
