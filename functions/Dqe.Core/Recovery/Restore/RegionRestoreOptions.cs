using Dqe.Core.Engines.ClickHouse;

namespace Dqe.Core.Recovery.Restore;

/// <summary>
/// Where a full-region restore reads and how long it may take. Defaults: give the restore up after 4 h (the
/// region-restore RTO objective), topics re-applied in namespace <c>kafka</c>.
/// </summary>
/// <param name="Source">Root of the replicated backups as ClickHouse reads them, e.g. <c>https://dqe-dr-backups-replica-123.s3.eu-central-1.amazonaws.com/clickhouse</c>.</param>
/// <param name="Cluster">ClickHouse cluster for <c>ON CLUSTER</c>; null on a single server.</param>
public sealed record RegionRestoreOptions(Uri Source, string? Cluster = null, int RestoreTimeoutSeconds = 4 * 3600)
{
    public void Validate()
    {
        if (Source is null || !Source.IsAbsoluteUri || Source.Scheme != Uri.UriSchemeHttps || Source.Query.Length > 0
            || Source.OriginalString.Contains('\'', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Source must be an https S3 URL without query or quotes, got '{Source}'.", nameof(Source));
        }

        if (Cluster is not null && !ClickHouseClientOptions.Identifier().IsMatch(Cluster))
        {
            throw new ArgumentException($"Cluster '{Cluster}' is not a plain identifier.", nameof(Cluster));
        }

        if (RestoreTimeoutSeconds is < 60 or > 86_400)
        {
            throw new ArgumentException($"RestoreTimeoutSeconds must be 60..86400, got {RestoreTimeoutSeconds}.", nameof(RestoreTimeoutSeconds));
        }
    }

    /// <summary>Where backup <paramref name="backupId"/>'s data is under <see cref="Source"/>.</summary>
    public string Location(string backupId) => $"{Source.AbsoluteUri.TrimEnd('/')}/{backupId}";
}
