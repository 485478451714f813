using System.Text.Json.Nodes;
using Dqe.Cdk.Config;
using Dqe.Cdk.Engines;
using Dqe.Cdk.Tests.TestHelpers;
using Dqe.Core.Benchmarks;

namespace Dqe.Cdk.Tests.Engines;

public sealed class TrinoTuningTests
{
    [Fact]
    public void ResourceGroups_Default_EtlBenchmarkAdhocUnderWeightedRootFromConfig()
    {
        var synth = Synth.Env("dev");
        var groups = synth.Config.Engines.Trino.ResourceGroups;

        var json = ResourceGroups(synth);

        Assert.Equal("configmap", (string?)synth.EngineResources.Values("trino")["resourceGroups"]!["type"]);

        var root = Assert.Single(json["rootGroups"]!.AsArray())!;
        Assert.Equal("global", (string?)root["name"]);
        Assert.Equal("weighted", (string?)root["schedulingPolicy"]);
        var sub = root["subGroups"]!.AsArray().ToDictionary(g => (string)g!["name"]!, g => g!);
        Assert.Equal(["adhoc", "benchmark", "etl"], sub.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(groups.Etl.HardConcurrencyLimit, (int)sub["etl"]["hardConcurrencyLimit"]!);
        Assert.Equal(groups.Etl.MaxQueued, (int)sub["etl"]["maxQueued"]!);
        Assert.Equal($"{groups.Etl.MemoryGib}GB", (string?)sub["etl"]["softMemoryLimit"]);
        Assert.Equal(groups.Benchmark.SchedulingWeight, (int)sub["benchmark"]["schedulingWeight"]!);
        Assert.Equal($"{groups.Adhoc.MemoryGib}GB", (string?)sub["adhoc"]["softMemoryLimit"]);
        Assert.Equal(groups.Etl.HardConcurrencyLimit + groups.Benchmark.HardConcurrencyLimit + groups.Adhoc.HardConcurrencyLimit, (int)root["hardConcurrencyLimit"]!);
    }

    [Fact]
    public void ResourceGroups_Selectors_BenchmarkBySourceTheWorkflowSendsThenEtlThenAdhoc()
    {
        var synth = Synth.Env("dev");

        var selectors = ResourceGroups(synth)["selectors"]!.AsArray().Select(s => s!).ToList();

        Assert.Equal(3, selectors.Count);
        Assert.Equal(BenchmarkOptions.TrinoSource, (string?)selectors[0]["source"]);
        Assert.Equal("global.benchmark", (string?)selectors[0]["group"]);
        Assert.Equal(synth.Config.Engines.Trino.ResourceGroups.EtlSourcePattern, (string?)selectors[1]["source"]);
        Assert.Equal("global.etl", (string?)selectors[1]["group"]);
        Assert.Null(selectors[2]["source"]);
        Assert.Equal("global.adhoc", (string?)selectors[2]["group"]);
    }

    [Fact]
    public void Spill_Enabled_EncryptedOnCappedLocalVolumeOfEveryNode()
    {
        var synth = Synth.Env("dev");
        var spill = synth.Config.Engines.Trino.Spill;
        var values = synth.EngineResources.Values("trino");

        var properties = values["additionalConfigProperties"]!.AsArray().Select(p => (string)p!).ToList();

        Assert.Contains("spill-enabled=true", properties);
        Assert.Contains("spiller-spill-path=/data/trino/spill", properties);
        Assert.Contains($"max-spill-per-node={spill.MaxPerNodeGib}GB", properties);
        Assert.Contains($"query-max-spill-per-node={spill.QueryMaxPerNodeGib}GB", properties);
        Assert.Contains("spill-encryption-enabled=true", properties);
        foreach (var role in new[] { "coordinator", "worker" })
        {
            var volume = Assert.Single(values[role]!["additionalVolumes"]!.AsArray(), v => (string?)v!["name"] == "spill")!;
            Assert.Equal($"{spill.VolumeGib}Gi", (string?)volume["emptyDir"]!["sizeLimit"]);
            Assert.Contains(values[role]!["additionalVolumeMounts"]!.AsArray(), m => (string?)m!["name"] == "spill" && (string?)m["mountPath"] == "/data/trino/spill");
        }
    }

    [Fact]
    public void HiveCatalog_Caching_MetastoreTtlAndFileSystemCacheOnItsVolume()
    {
        var synth = Synth.Env("dev");
        var cache = synth.Config.Engines.Trino.Cache;
        var values = synth.EngineResources.Values("trino");

        var hive = (string)values["catalogs"]!["hive"]!;

        Assert.Contains($"hive.metastore-cache-ttl={cache.MetastoreCacheTtlMinutes}m\n", hive, StringComparison.Ordinal);
        Assert.Contains("fs.cache.enabled=true\n", hive, StringComparison.Ordinal);
        Assert.Contains("fs.cache.directories=/data/trino/cache\n", hive, StringComparison.Ordinal);
        // 90% of the volume, so the cache never hits the emptyDir cap.
        Assert.Contains($"fs.cache.max-sizes={cache.FileSystemCacheGib * 1024 * 9 / 10}MB\n", hive, StringComparison.Ordinal);
        var volume = Assert.Single(values["worker"]!["additionalVolumes"]!.AsArray(), v => (string?)v!["name"] == "fs-cache")!;
        Assert.Equal($"{cache.FileSystemCacheGib}Gi", (string?)volume["emptyDir"]!["sizeLimit"]);
    }

    [Fact]
    public void FaultTolerantExecution_Default_OffWithoutExchangeOrGrant()
    {
        var synth = Synth.Env("dev");
        var values = synth.EngineResources.Values("trino");

        Assert.DoesNotContain(values["additionalConfigProperties"]!.AsArray(), p => ((string)p!).StartsWith("retry-policy", StringComparison.Ordinal));
        Assert.Null(values["server"]!["exchangeManager"]);
        var statements = IamPolicies.StatementsOfRoleFor(synth.EngineResources, "system:serviceaccount:trino:trino");
        Assert.DoesNotContain(IamPolicies.ResourcesOf(statements, "s3:PutObject"), r => r.Contains("trino-exchange", StringComparison.Ordinal));
    }

    [Fact]
    public void FaultTolerantExecution_Enabled_TaskRetriesWithS3ExchangeAndGrantOnItsPrefixOnly()
    {
        var synth = Synth.Fresh("staging", c => c["dqe:environments"]!["staging"]!["engines"]!["trino"]!["faultTolerantExecution"] = new JsonObject { ["enabled"] = true });
        var values = synth.EngineResources.Values("trino");

        Assert.Contains("retry-policy=TASK", values["additionalConfigProperties"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("filesystem", (string?)values["server"]!["exchangeManager"]!["name"]);
        Assert.Equal($"s3://{EngineResources.Token}/trino-exchange/", (string?)values["server"]!["exchangeManager"]!["baseDir"]);
        Assert.Equal(["exchange.s3.region=eu-west-1"], values["additionalExchangeManagerProperties"]!.AsArray().Select(p => (string)p!));
        var statements = IamPolicies.StatementsOfRoleFor(synth.EngineResources, "system:serviceaccount:trino:trino");
        var writes = IamPolicies.ResourcesOf(statements, "s3:PutObject").Where(r => r != EngineResources.Token).ToList();
        Assert.Equal([$"{EngineResources.Token}/curated/*", $"{EngineResources.Token}/trino-exchange/*"], writes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FaultTolerantExecution_OnMinIo_ExchangeUsesTheEndpointAndSyncedKeys()
    {
        var trino = new TrinoConfig { FaultTolerantExecution = new TrinoFaultTolerantConfig { Enabled = true, ExchangePrefix = "spool/" } };
        var store = new LakeStore("lake", "backups", "eu-west-1", "http://minio.minio.svc:9000", Credentials: null);

        var manager = TrinoTuning.ExchangeManager(trino, store);
        var properties = TrinoTuning.ExchangeManagerProperties(trino, store);

        Assert.Equal("s3://lake/spool/", manager!.BaseDir);
        Assert.Contains("exchange.s3.endpoint=http://minio.minio.svc:9000", properties);
        Assert.Contains("exchange.s3.path-style-access=true", properties);
        Assert.Contains("exchange.s3.aws-access-key=${ENV:MINIO_ACCESS_KEY}", properties);
        Assert.Contains("exchange.s3.aws-secret-key=${ENV:MINIO_SECRET_KEY}", properties);
        Assert.Contains("retry-policy=TASK", TrinoTuning.ConfigProperties(trino));
    }

    [Fact]
    public void Tuning_SpillAndCacheOff_NoVolumesNoProperties()
    {
        var trino = new TrinoConfig { Spill = new TrinoSpillConfig { Enabled = false }, Cache = new TrinoCacheConfig { FileSystemCacheGib = 0, MetastoreCacheTtlMinutes = 0 } };

        Assert.Empty(TrinoTuning.ConfigProperties(trino));
        Assert.Empty(TrinoTuning.Volumes(trino));
        Assert.Empty(TrinoTuning.VolumeMounts(trino));
        Assert.Empty(TrinoTuning.HiveCaching(trino.Cache));
    }

    private static JsonObject ResourceGroups(SynthesizedEnv synth) =>
        JsonNode.Parse((string)synth.EngineResources.Values("trino")["resourceGroups"]!["resourceGroupsConfig"]!)!.AsObject();
}
