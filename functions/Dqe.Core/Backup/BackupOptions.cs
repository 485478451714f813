using Dqe.Core.Engines.ClickHouse;

namespace Dqe.Core.Backup;

/// <summary>
/// What to back up and how long to keep it. Defaults: full backup on Sundays (UTC), incremental on the other
/// days, keep the newest 14 backups and none older than 35 days (a full backup is kept while a kept incremental
/// needs it as its base).
/// </summary>
/// <param name="Databases">ClickHouse databases to back up (plain identifiers, at least one).</param>
/// <param name="Destination">Backup root, e.g. <c>https://bucket.s3.eu-west-1.amazonaws.com/clickhouse</c>; each backup goes under its id.</param>
/// <param name="Cluster">ClickHouse cluster for <c>ON CLUSTER</c>; null on a single server.</param>
public sealed record BackupOptions(
    IReadOnlyList<string> Databases,
    Uri Destination,
    string? Cluster = null,
    DayOfWeek FullBackupDay = DayOfWeek.Sunday,
    int KeepCount = 14,
    int MaxAgeDays = 35)
{
    public void Validate()
    {
        if (Databases is null || Databases.Count == 0)
        {
            throw new ArgumentException("Databases must name at least one database.", nameof(Databases));
        }

        foreach (var database in Databases)
        {
            if (database is null || !ClickHouseClientOptions.Identifier().IsMatch(database))
            {
                throw new ArgumentException($"Databases: '{database}' is not a plain identifier.", nameof(Databases));
            }
        }

        if (Destination is null || !Destination.IsAbsoluteUri || Destination.Scheme != Uri.UriSchemeHttps || Destination.Query.Length > 0
            || Destination.OriginalString.Contains('\'', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Destination must be an https S3 URL without query or quotes, got '{Destination}'.", nameof(Destination));
        }

        if (Cluster is not null && !ClickHouseClientOptions.Identifier().IsMatch(Cluster))
        {
            throw new ArgumentException($"Cluster '{Cluster}' is not a plain identifier.", nameof(Cluster));
        }

        if (KeepCount is < 1 or > 1000)
        {
            throw new ArgumentException($"KeepCount must be between 1 and 1000, got {KeepCount}.", nameof(KeepCount));
        }

        if (MaxAgeDays is < 1 or > 3650)
        {
            throw new ArgumentException($"MaxAgeDays must be between 1 and 3650, got {MaxAgeDays}.", nameof(MaxAgeDays));
        }
    }
}
