using Dqe.Cdk.Config;

namespace Dqe.Cdk.Engines;

/// <summary>
/// Trino settings beyond sizing: spill to a node-local volume, the file system cache volume, and fault-tolerant
/// execution with its S3 exchange. Both coordinator and workers get the same properties and volumes, because Trino
/// checks spill and cache paths on every node (the coordinator also plans with the spill setting).
/// </summary>
internal static class TrinoTuning
{
    public const string SpillPath = "/data/trino/spill";
    public const string CachePath = "/data/trino/cache";

    /// <summary>Share of the cache volume the file system cache fills, leaving room for its own bookkeeping.</summary>
    public const int CacheFillPercent = 90;

    /// <summary>config.properties lines for spill and retries.</summary>
    public static IReadOnlyList<string> ConfigProperties(TrinoConfig trino)
    {
        ArgumentNullException.ThrowIfNull(trino);
        var lines = new List<string>();
        if (trino.Spill.Enabled)
        {
            lines.Add("spill-enabled=true");
            lines.Add($"spiller-spill-path={SpillPath}");
            lines.Add($"max-spill-per-node={trino.Spill.MaxPerNodeGib}GB");
            lines.Add($"query-max-spill-per-node={trino.Spill.QueryMaxPerNodeGib}GB");
            // Spilled pages may hold lake data: encrypted with a per-query key, as the volumes are plain node disk.
            lines.Add("spill-encryption-enabled=true");
        }

        if (trino.FaultTolerantExecution.Enabled)
        {
            lines.Add("retry-policy=TASK");
        }

        return lines;
    }

    /// <summary>The exchange manager on S3 or MinIO, or null to keep the chart's (unused) default.</summary>
    public static TrinoValues.ExchangeManagerValues? ExchangeManager(TrinoConfig trino, LakeStore store) =>
        trino.FaultTolerantExecution.Enabled
            ? new TrinoValues.ExchangeManagerValues("filesystem", $"s3://{store.LakeBucket}/{trino.FaultTolerantExecution.ExchangePrefix}")
            : null;

    public static IReadOnlyList<string> ExchangeManagerProperties(TrinoConfig trino, LakeStore store)
    {
        if (!trino.FaultTolerantExecution.Enabled)
        {
            return [];
        }

        List<string> lines = [$"exchange.s3.region={store.Region}"];
        if (store.IsMinIo)
        {
            lines.Add($"exchange.s3.endpoint={store.Endpoint}");
            lines.Add("exchange.s3.path-style-access=true");
            lines.Add("exchange.s3.aws-access-key=${ENV:MINIO_ACCESS_KEY}");
            lines.Add("exchange.s3.aws-secret-key=${ENV:MINIO_SECRET_KEY}");
        }

        // With S3 no key: the exchange uses the pod's IRSA web identity, allowed to write only under the prefix.
        return lines;
    }

    /// <summary>emptyDir volumes on the node's disk, capped so a runaway query evicts its pod rather than filling the node.</summary>
    public static IReadOnlyList<object> Volumes(TrinoConfig trino)
    {
        var volumes = new List<object>();
        if (trino.Spill.Enabled)
        {
            volumes.Add(new { name = "spill", emptyDir = new { sizeLimit = Kube.Memory(trino.Spill.VolumeGib) } });
        }

        if (trino.Cache.FileSystemCacheGib > 0)
        {
            volumes.Add(new { name = "fs-cache", emptyDir = new { sizeLimit = Kube.Memory(trino.Cache.FileSystemCacheGib) } });
        }

        return volumes;
    }

    public static IReadOnlyList<object> VolumeMounts(TrinoConfig trino)
    {
        var mounts = new List<object>();
        if (trino.Spill.Enabled)
        {
            mounts.Add(new { name = "spill", mountPath = SpillPath });
        }

        if (trino.Cache.FileSystemCacheGib > 0)
        {
            mounts.Add(new { name = "fs-cache", mountPath = CachePath });
        }

        return mounts;
    }

    /// <summary>hive catalog lines: metastore (Glue) cache and the file system cache of lake objects.</summary>
    public static IEnumerable<(string, string)> HiveCaching(TrinoCacheConfig cache)
    {
        if (cache.MetastoreCacheTtlMinutes > 0)
        {
            yield return ("hive.metastore-cache-ttl", $"{cache.MetastoreCacheTtlMinutes}m");
            yield return ("hive.metastore-stats-cache-ttl", $"{cache.MetastoreCacheTtlMinutes}m");
        }

        if (cache.FileSystemCacheGib > 0)
        {
            yield return ("fs.cache.enabled", "true");
            yield return ("fs.cache.directories", CachePath);
            yield return ("fs.cache.max-sizes", $"{cache.FileSystemCacheGib * 1024 * CacheFillPercent / 100}MB");
        }
    }
}
