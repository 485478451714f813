using System.Text.RegularExpressions;
using Dqe.Cdk.Engines;

namespace Dqe.Cdk.Config;

/// <summary>
/// Checks the engine tuning (Trino resource groups, spill, exchange, caches; ClickHouse pools, query limits, quota,
/// lake tables) against itself and against the pods and nodes it must fit, so an impossible setting fails at synth.
/// </summary>
internal static partial class TuningConfigValidator
{
    /// <summary>Share of an analytics node's disk that one Trino pod's spill and cache volumes may take.</summary>
    public const int TrinoDiskSharePercent = 50;

    /// <summary>Merge threads per server CPU above which merges starve queries.</summary>
    public const int PoolThreadsPerCpu = 8;

    public static void Validate(DqeConfig config, Action<bool, string> check)
    {
        ValidateTrino(config, check);
        ValidateClickHouse(config.Engines.ClickHouse, check);
    }

    private static void ValidateTrino(DqeConfig config, Action<bool, string> check)
    {
        var trino = config.Engines.Trino;
        var groups = trino.ResourceGroups;
        var worker = TrinoMemory.For(trino.Worker);
        var clusterMib = TrinoMemory.ClusterQueryMib(worker, trino.Workers);
        foreach (var (name, group) in new[] { ("etl", groups.Etl), ("benchmark", groups.Benchmark), ("adhoc", groups.Adhoc) })
        {
            var key = $"engines.trino.resourceGroups.{name}";
            check(group.HardConcurrencyLimit is >= 1 and <= 1000, $"{key}.hardConcurrencyLimit = {group.HardConcurrencyLimit} must be 1-1000");
            check(group.MaxQueued is >= 1 and <= 10000, $"{key}.maxQueued = {group.MaxQueued} must be 1-10000");
            check(group.SchedulingWeight is >= 1 and <= 100, $"{key}.schedulingWeight = {group.SchedulingWeight} must be 1-100");
            check(group.MemoryGib >= 1 && group.MemoryGib * 1024 <= clusterMib,
                $"{key}.memoryGib = {group.MemoryGib} must be 1-{clusterMib / 1024}: the workers' query memory is {trino.Workers} workers x {worker.QueryPerNodeMib} MB (query.max-memory-per-node) = {clusterMib} MB");
        }

        var benchmarkConcurrency = config.Automation.Benchmark.MaxConcurrency;
        check(groups.Benchmark.HardConcurrencyLimit >= benchmarkConcurrency,
            $"engines.trino.resourceGroups.benchmark.hardConcurrencyLimit = {groups.Benchmark.HardConcurrencyLimit} is below automation.benchmark.maxConcurrency = {benchmarkConcurrency}: benchmark queries would queue behind each other");
        var isRegex = IsRegex(groups.EtlSourcePattern);
        check(isRegex, $"engines.trino.resourceGroups.etlSourcePattern = '{groups.EtlSourcePattern}' is not a regular expression");
        // Trino matches the whole source; the benchmark selector comes first, but an overlap would hide intent.
        check(!isRegex || !Regex.IsMatch(TrinoResourceGroups.BenchmarkSource, $"^(?:{groups.EtlSourcePattern})$", RegexOptions.None, TimeSpan.FromSeconds(1)),
            $"engines.trino.resourceGroups.etlSourcePattern = '{groups.EtlSourcePattern}' matches the benchmark source '{TrinoResourceGroups.BenchmarkSource}'");

        var spill = trino.Spill;
        check(spill.VolumeGib is >= 1 and <= 500, $"engines.trino.spill.volumeGib = {spill.VolumeGib} must be 1-500");
        check(spill.MaxPerNodeGib >= 1 && spill.MaxPerNodeGib <= spill.VolumeGib,
            $"engines.trino.spill.maxPerNodeGib = {spill.MaxPerNodeGib} must be 1-{spill.VolumeGib} (at most volumeGib)");
        check(spill.QueryMaxPerNodeGib >= 1 && spill.QueryMaxPerNodeGib <= spill.MaxPerNodeGib,
            $"engines.trino.spill.queryMaxPerNodeGib = {spill.QueryMaxPerNodeGib} must be 1-{spill.MaxPerNodeGib} (at most maxPerNodeGib)");
        var cache = trino.Cache;
        check(cache.FileSystemCacheGib is >= 0 and <= 500, $"engines.trino.cache.fileSystemCacheGib = {cache.FileSystemCacheGib} must be 0-500");
        check(cache.MetastoreCacheTtlMinutes is >= 0 and <= 1440, $"engines.trino.cache.metastoreCacheTtlMinutes = {cache.MetastoreCacheTtlMinutes} must be 0-1440");
        var local = (spill.Enabled ? spill.VolumeGib : 0) + cache.FileSystemCacheGib;
        var disk = config.NodeGroups.Analytics.DiskSizeGb;
        check(local * 100 <= disk * TrinoDiskSharePercent,
            $"engines.trino: spill.volumeGib + cache.fileSystemCacheGib = {local} GiB exceeds {TrinoDiskSharePercent}% of nodeGroups.analytics.diskSizeGb = {disk}");
        var prefix = trino.FaultTolerantExecution.ExchangePrefix;
        check(PrefixPattern().IsMatch(prefix) && prefix is not "raw/" and not "curated/",
            $"engines.trino.faultTolerantExecution.exchangePrefix = '{prefix}' must be a lower-case prefix ending in '/' other than raw/ and curated/");
    }

    private static void ValidateClickHouse(ClickHouseConfig ch, Action<bool, string> check)
    {
        var pools = ch.Pools;
        var maxThreads = Math.Min(64, (int)(ch.Resources.Cpu * PoolThreadsPerCpu));
        check(pools.BackgroundPoolSize >= 2 && pools.BackgroundPoolSize <= maxThreads,
            $"engines.clickHouse.pools.backgroundPoolSize = {pools.BackgroundPoolSize} must be 2-{maxThreads} (at most {PoolThreadsPerCpu} per CPU of engines.clickHouse.resources.cpu = {ch.Resources.Cpu}, and 64)");
        check(pools.MergesConcurrencyRatio is >= 1 and <= 4, $"engines.clickHouse.pools.mergesConcurrencyRatio = {pools.MergesConcurrencyRatio} must be 1-4");
        check(pools.FetchesPoolSize is >= 1 and <= 64, $"engines.clickHouse.pools.fetchesPoolSize = {pools.FetchesPoolSize} must be 1-64");
        check(pools.SchedulePoolSize is >= 16 and <= 512, $"engines.clickHouse.pools.schedulePoolSize = {pools.SchedulePoolSize} must be 16-512");

        var limits = ch.QueryLimits;
        check(limits.MaxMemoryGib >= 1 && limits.MaxMemoryGib < ch.Resources.MemoryGib,
            $"engines.clickHouse.queryLimits.maxMemoryGib = {limits.MaxMemoryGib} must be 1-{ch.Resources.MemoryGib - 1}: below engines.clickHouse.resources.memoryGib = {ch.Resources.MemoryGib}, the pod's memory limit");
        check(limits.MaxExecutionSeconds is >= 1 and <= 86400, $"engines.clickHouse.queryLimits.maxExecutionSeconds = {limits.MaxExecutionSeconds} must be 1-86400");
        check(limits.MaxConcurrentQueries is >= 10 and <= 1000, $"engines.clickHouse.queryLimits.maxConcurrentQueries = {limits.MaxConcurrentQueries} must be 10-1000");

        var quota = ch.Quota;
        check(quota.IntervalSeconds is >= 60 and <= 86400, $"engines.clickHouse.quota.intervalSeconds = {quota.IntervalSeconds} must be 60-86400");
        check(quota.Queries is >= 1 and <= 10_000_000, $"engines.clickHouse.quota.queries = {quota.Queries} must be 1-10000000");
        check(quota.Errors is >= 1 and <= 10_000_000, $"engines.clickHouse.quota.errors = {quota.Errors} must be 1-10000000");
        check(quota.ExecutionTimeSeconds >= limits.MaxExecutionSeconds && quota.ExecutionTimeSeconds <= 10_000_000,
            $"engines.clickHouse.quota.executionTimeSeconds = {quota.ExecutionTimeSeconds} must be {limits.MaxExecutionSeconds}-10000000 (at least one query's queryLimits.maxExecutionSeconds)");

        var lake = ch.LakeTables;
        check(IdentifierPattern().IsMatch(lake.Database) && lake.Database is not "system" and not "default" and not "information_schema",
            $"engines.clickHouse.lakeTables.database = '{lake.Database}' must be a lower-case identifier other than system, default and information_schema");
        check(lake.TtlDays is >= 0 and <= 3650, $"engines.clickHouse.lakeTables.ttlDays = {lake.TtlDays} must be 0-3650");
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return pattern.Length > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*/$")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex IdentifierPattern();
}
