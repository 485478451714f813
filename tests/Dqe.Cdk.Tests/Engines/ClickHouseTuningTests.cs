using System.Text.Json.Nodes;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

public sealed class ClickHouseTuningTests
{
    [Fact]
    public void Installation_Settings_BackgroundPoolsAndConcurrentQueriesFromConfig()
    {
        var synth = Synth.Env("dev");
        var ch = synth.Config.Engines.ClickHouse;

        var settings = Configuration(synth)["settings"]!;

        Assert.Equal(ch.Pools.BackgroundPoolSize, (int)settings["background_pool_size"]!);
        Assert.Equal(ch.Pools.MergesConcurrencyRatio, (int)settings["background_merges_mutations_concurrency_ratio"]!);
        Assert.Equal(ch.Pools.FetchesPoolSize, (int)settings["background_fetches_pool_size"]!);
        Assert.Equal(ch.Pools.SchedulePoolSize, (int)settings["background_schedule_pool_size"]!);
        Assert.Equal(ch.QueryLimits.MaxConcurrentQueries, (int)settings["max_concurrent_queries"]!);
    }

    [Fact]
    public void Installation_Profile_QueryMemoryBelowPodLimitAndExternalAggregationAtHalf()
    {
        var synth = Synth.Env("dev");
        var ch = synth.Config.Engines.ClickHouse;

        var profiles = Configuration(synth)["profiles"]!;

        var maxMemory = (long)profiles["default/max_memory_usage"]!;
        Assert.Equal(ch.QueryLimits.MaxMemoryGib * 1024L * 1024 * 1024, maxMemory);
        Assert.True(maxMemory < ch.Resources.MemoryGib * 1024L * 1024 * 1024);
        Assert.Equal(maxMemory / 2, (long)profiles["default/max_bytes_before_external_group_by"]!);
        Assert.Equal(maxMemory / 2, (long)profiles["default/max_bytes_before_external_sort"]!);
        Assert.Equal(ch.QueryLimits.MaxExecutionSeconds, (int)profiles["default/max_execution_time"]!);
    }

    [Fact]
    public void Installation_Quota_PerIntervalLimitsAssignedToTheUser()
    {
        var synth = Synth.Env("dev");
        var quota = synth.Config.Engines.ClickHouse.Quota;
        var configuration = Configuration(synth);

        var quotas = configuration["quotas"]!;

        Assert.Equal(quota.IntervalSeconds, (int)quotas["default/interval/duration"]!);
        Assert.Equal(quota.Queries, (int)quotas["default/interval/queries"]!);
        Assert.Equal(quota.Errors, (int)quotas["default/interval/errors"]!);
        Assert.Equal(quota.ExecutionTimeSeconds, (int)quotas["default/interval/execution_time"]!);
        Assert.Equal("default", (string?)configuration["users"]!["dqe/quota"]);
        Assert.Equal("default", (string?)configuration["users"]!["dqe/profile"]);
    }

    [Fact]
    public void LakeSchema_Ddl_ReplicatedTableWithSkipIndexesDistributedAndHourlyMaterializedView()
    {
        var synth = Synth.Env("dev");
        var lake = synth.Config.Engines.ClickHouse.LakeTables;

        var sql = (string)synth.EngineResources.Object("ConfigMap", "clickhouse-lake-schema", "clickhouse")["data"]!["schema.sql"]!;

        Assert.Contains("CREATE DATABASE IF NOT EXISTS lake ON CLUSTER 'dqe';", sql, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE IF NOT EXISTS lake.events_local ON CLUSTER 'dqe'", sql, StringComparison.Ordinal);
        Assert.Contains("ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/lake/events_local', '{replica}')", sql, StringComparison.Ordinal);
        Assert.Contains("INDEX key_bloom key TYPE bloom_filter(0.01) GRANULARITY 4", sql, StringComparison.Ordinal);
        Assert.Contains("INDEX value_tokens value TYPE tokenbf_v1(32768, 3, 0) GRANULARITY 4", sql, StringComparison.Ordinal);
        Assert.Contains("INDEX offset_minmax kafka_offset TYPE minmax GRANULARITY 1", sql, StringComparison.Ordinal);
        Assert.Contains($"TTL dt + INTERVAL {lake.TtlDays} DAY", sql, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE IF NOT EXISTS lake.events ON CLUSTER 'dqe' AS lake.events_local ENGINE = Distributed('dqe', lake, events_local, cityHash64(topic, kafka_partition));", sql, StringComparison.Ordinal);
        Assert.Contains("CREATE MATERIALIZED VIEW IF NOT EXISTS lake.events_hourly_mv ON CLUSTER 'dqe' TO lake.events_hourly_local AS", sql, StringComparison.Ordinal);
        Assert.Contains("ENGINE = ReplicatedSummingMergeTree('/clickhouse/tables/{shard}/lake/events_hourly_local', '{replica}')", sql, StringComparison.Ordinal);
        Assert.Contains("FROM lake.events_local", sql, StringComparison.Ordinal);
        // Every statement is idempotent, so the Job may run again after a failure.
        Assert.All(sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries), s => Assert.Contains("IF NOT EXISTS", s, StringComparison.Ordinal));
        // Columns of the Parquet files the ingestion job writes.
        foreach (var column in new[] { "key String", "topic LowCardinality(String)", "kafka_partition Int32", "kafka_offset Int64", "event_time DateTime64(3, 'UTC')", "dt Date" })
        {
            Assert.Contains(column, sql, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LakeSchema_Job_RunsDdlOverVerifiedTlsWithSyncedPasswordAfterInstallation()
    {
        var resources = Synth.Env("dev").EngineResources;

        var job = Assert.Single(resources.OfKind("Job"), j => ((string)j["metadata"]!["name"]!).StartsWith("clickhouse-lake-schema-", StringComparison.Ordinal));

        var pod = job["spec"]!["template"]!["spec"]!;
        var container = Assert.Single(pod["containers"]!.AsArray())!;
        var command = string.Join(' ', container["command"]!.AsArray().Select(c => (string)c!));
        Assert.Contains("--secure --host clickhouse-dqe.clickhouse.svc --port 9440", command, StringComparison.Ordinal);
        Assert.Contains("--queries-file /etc/dqe-schema/schema.sql", command, StringComparison.Ordinal);
        Assert.Equal("clickhouse-credentials", (string?)container["env"]![0]!["valueFrom"]!["secretKeyRef"]!["name"]);
        Assert.Contains("<verificationMode>strict</verificationMode>", (string)resources.Object("ConfigMap", "clickhouse-lake-schema", "clickhouse")["data"]!["client.xml"]!, StringComparison.Ordinal);
        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        Assert.Contains(resources.ManifestOf("ClickHouseInstallation", "dqe"), resources.DependsOn(resources.ManifestOf("Job", (string)job["metadata"]!["name"]!)));
        var policy = resources.Object("NetworkPolicy", "clickhouse-lake-schema", "clickhouse");
        var rule = Assert.Single(policy["spec"]!["ingress"]!.AsArray())!;
        Assert.Equal("clickhouse-schema", (string?)rule["from"]![0]!["podSelector"]!["matchLabels"]!["dqe.io/component"]);
        Assert.Equal(9440, (int)Assert.Single(rule["ports"]!.AsArray())!["port"]!);
    }

    private static JsonObject Configuration(SynthesizedEnv synth) =>
        synth.EngineResources.Object("ClickHouseInstallation", "dqe", "clickhouse")["spec"]!["configuration"]!.AsObject();
}
