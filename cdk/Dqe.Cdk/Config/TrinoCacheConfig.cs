namespace Dqe.Cdk.Config;

/// <summary>
/// Caching that Trino 470 (chart 1.37.0) supports: the hive catalog's file system cache on a node-local volume and
/// its metastore (Glue) cache. Trino has no query result cache.
/// </summary>
public sealed record TrinoCacheConfig
{
    /// <summary>File system cache of lake objects per Trino pod in GiB (0 = off, up to 500), on its own emptyDir.</summary>
    public int FileSystemCacheGib { get; init; } = 15;

    /// <summary>How long Glue table and partition metadata is cached in minutes (0 = off, up to 1440).</summary>
    public int MetastoreCacheTtlMinutes { get; init; } = 10;
}
