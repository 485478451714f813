using System.Text.Json.Nodes;
using Dqe.Cdk.Config;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Config;

public sealed class EnginesConfigValidatorTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    [InlineData("dr")]
    public void Load_RealCdkJson_EnginesValid(string env)
    {
        var config = Synth.Config(env);

        Assert.True(config.Engines.Trino.Workers >= 3);
        Assert.Equal("s3", config.Lake.Store);
    }

    [Theory]
    [InlineData("trino", "workers", 0, "engines.trino.workers = 0 must be 3-100")]
    [InlineData("trino", "maxWorkers", 2, "engines.trino.maxWorkers = 2 must be 3-100")]
    [InlineData("clickHouse", "replicasPerShard", 3, "engines.clickHouse.replicasPerShard = 3 must be 1-2")]
    [InlineData("clickHouse", "maxReplicasPerShard", 4, "engines.clickHouse.maxReplicasPerShard = 4 must be 1-3 (one replica of a shard per availability zone)")]
    [InlineData("clickHouse", "shards", 4, "engines.clickHouse: 4 shards x 2 replicas need 8 analytics nodes (one server per node) but nodeGroups.analytics.maxSize = 6")]
    [InlineData("clickHouse", "keeperNodes", 4, "engines.clickHouse.keeperNodes = 4 must be 3 or 5")]
    [InlineData("kafka", "brokers", 7, "engines.kafka.brokers = 7 exceeds nodeGroups.analytics.maxSize = 6")]
    [InlineData("spark", "minExecutors", 9, "engines.spark.minExecutors = 9 must be 0-4")]
    public void Load_OutOfRangeNumber_ClearErrorNamingKey(string section, string key, int value, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c => Engines(c, "dev")[section]![key] = (double)value));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("env 'dev': ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trino", "chartVersion", "~1.37", "engines.trino.chartVersion = '~1.37' is not a pinned chart version")]
    [InlineData("clickHouse", "operatorChartVersion", "latest", "engines.clickHouse.operatorChartVersion = 'latest' is not a pinned chart version")]
    [InlineData("kafka", "operatorChartVersion", "0.45", "engines.kafka.operatorChartVersion = '0.45' is not a pinned chart version")]
    [InlineData("spark", "operatorChartVersion", "2.x", "engines.spark.operatorChartVersion = '2.x' is not a pinned chart version")]
    [InlineData("clickHouse", "image", "clickhouse/clickhouse-server:latest", "engines.clickHouse.image = 'clickhouse/clickhouse-server:latest' must name an image with an explicit version tag")]
    [InlineData("clickHouse", "compression", "gzip", "engines.clickHouse.compression = 'gzip' must be one of lz4, lz4hc, zstd")]
    public void Load_BadString_ClearErrorNamingKey(string section, string key, string value, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("prod", c => Engines(c, "prod")[section]![key] = value));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EnginesLargerThanAnalyticsPool_ClearCapacityError()
    {
        // dev's analytics pool: at most 6 x r5.xlarge (4 vCPUs) = 21.6 allocatable CPUs.
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c => Engines(c, "dev")["trino"]!["workers"] = 10.0));

        Assert.Contains("engines: the engines request 33.2 CPUs on the analytics pool at deploy time but nodeGroups.analytics allows 21.6 (6 x 4 vCPUs, 90% allocatable)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("r5.large", 2)]
    [InlineData("r5.xlarge", 4)]
    [InlineData("m5.2xlarge", 8)]
    [InlineData("c6i.24xlarge", 96)]
    [InlineData("m5.metal", null)]
    [InlineData("t3.medium", null)]
    public void VCpus_InstanceType_FromSizeSuffix(string instanceType, int? expected)
    {
        Assert.Equal(expected, InstanceCapacity.VCpus(instanceType));
    }

    [Fact]
    public void Load_UnknownLakeStore_ClearError()
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c => c["dqe:environments"]!["dev"]!["lake"]!["store"] = "gcs"));

        Assert.Contains("lake.store = 'gcs' must be one of s3, minio", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownEnginesKey_RejectedAsTypo()
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c => Engines(c, "dev")["trino"]!["wokers"] = 5.0));

        Assert.Contains("wokers", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Engines(JsonObject context, string env)
    {
        var environment = context["dqe:environments"]![env]!.AsObject();
        if (environment["engines"] is not JsonObject engines)
        {
            engines = [];
            environment["engines"] = engines;
        }

        foreach (var section in new[] { "trino", "clickHouse", "kafka", "spark" })
        {
            if (engines[section] is null)
            {
                engines[section] = new JsonObject();
            }
        }

        return engines;
    }
}
