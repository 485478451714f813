using Dqe.Cdk.Config;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Config;

/// <summary>Impossible engine tuning fails synth with one line naming the key, and the app writes nothing.</summary>
public sealed class TuningConfigValidatorTests
{
    [Theory]
    [InlineData("engines.trino.resourceGroups.etl.memoryGib", "5",
        "engines.trino.resourceGroups.etl.memoryGib = 5 must be 1-4: the workers' query memory is 3 workers x 1638 MB (query.max-memory-per-node) = 4914 MB")]
    [InlineData("engines.trino.resourceGroups.adhoc.hardConcurrencyLimit", "0", "engines.trino.resourceGroups.adhoc.hardConcurrencyLimit = 0 must be 1-1000")]
    [InlineData("automation.benchmark.maxConcurrency", "8",
        "engines.trino.resourceGroups.benchmark.hardConcurrencyLimit = 4 is below automation.benchmark.maxConcurrency = 8: benchmark queries would queue behind each other")]
    [InlineData("engines.trino.resourceGroups.etlSourcePattern", "\"dqe-.*\"", "engines.trino.resourceGroups.etlSourcePattern = 'dqe-.*' matches the benchmark source 'dqe-bench'")]
    [InlineData("engines.trino.resourceGroups.etlSourcePattern", "\"etl(\"", "engines.trino.resourceGroups.etlSourcePattern = 'etl(' is not a regular expression")]
    [InlineData("engines.trino.spill.maxPerNodeGib", "30", "engines.trino.spill.maxPerNodeGib = 30 must be 1-25 (at most volumeGib)")]
    [InlineData("engines.trino.spill.queryMaxPerNodeGib", "21", "engines.trino.spill.queryMaxPerNodeGib = 21 must be 1-20 (at most maxPerNodeGib)")]
    [InlineData("engines.trino.cache.fileSystemCacheGib", "40", "engines.trino: spill.volumeGib + cache.fileSystemCacheGib = 65 GiB exceeds 50% of nodeGroups.analytics.diskSizeGb = 100")]
    [InlineData("engines.trino.faultTolerantExecution.exchangePrefix", "\"curated/\"", "engines.trino.faultTolerantExecution.exchangePrefix = 'curated/' must be a lower-case prefix ending in '/' other than raw/ and curated/")]
    [InlineData("engines.clickHouse.pools.backgroundPoolSize", "32", "engines.clickHouse.pools.backgroundPoolSize = 32 must be 2-16 (at most 8 per CPU of engines.clickHouse.resources.cpu = 2, and 64)")]
    [InlineData("engines.clickHouse.pools.schedulePoolSize", "8", "engines.clickHouse.pools.schedulePoolSize = 8 must be 16-512")]
    [InlineData("engines.clickHouse.queryLimits.maxMemoryGib", "8", "engines.clickHouse.queryLimits.maxMemoryGib = 8 must be 1-7: below engines.clickHouse.resources.memoryGib = 8, the pod's memory limit")]
    [InlineData("engines.clickHouse.quota.executionTimeSeconds", "100", "engines.clickHouse.quota.executionTimeSeconds = 100 must be 600-10000000 (at least one query's queryLimits.maxExecutionSeconds)")]
    [InlineData("engines.clickHouse.lakeTables.database", "\"system\"", "engines.clickHouse.lakeTables.database = 'system' must be a lower-case identifier other than system, default and information_schema")]
    [InlineData("engines.vpa.chartVersion", "\"latest\"", "engines.vpa.chartVersion = 'latest' is not a pinned chart version")]
    public async Task Synth_ImpossibleTuning_OneLineNamingTheKeyAndNothingWritten(string key, string json, string expected)
    {
        var context = CdkContext.Load();
        context[ConfigLoader.EnvKey] = "dev";
        CdkContext.Set(context, "dev", key, json);

        var run = await CdkApp.SynthAsync(context);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("dqe: env 'dev': ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', run.Stderr);
        Assert.Empty(run.Stdout);
        Assert.True(run.WroteNothing);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Load_DocumentedDefaults_FitEveryRule(string env)
    {
        var config = Synth.Config(env);
        var trino = config.Engines.Trino;

        // The defaults in cdk.json are the records' documented defaults.
        Assert.Equal(new TrinoResourceGroupsConfig(), trino.ResourceGroups);
        Assert.Equal(new TrinoSpillConfig(), trino.Spill);
        Assert.Equal(new ClickHouseQueryLimitsConfig(), config.Engines.ClickHouse.QueryLimits);
        Assert.Equal(new VpaConfig(), config.Engines.Vpa);
        Assert.False(trino.FaultTolerantExecution.Enabled);
    }
}
