using System.Text.Json.Nodes;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

public sealed class ClickHouseTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Installation_PerEnvironment_ShardsAndReplicasFromConfig(string env)
    {
        var synth = Synth.Env(env);
        var config = synth.Config.Engines.ClickHouse;

        var chi = synth.EngineResources.Object("ClickHouseInstallation", "dqe", "clickhouse");

        var cluster = Assert.Single(chi["spec"]!["configuration"]!["clusters"]!.AsArray())!;
        Assert.Equal(config.ClusterName, (string?)cluster["name"]);
        Assert.Equal(3, (int)cluster["layout"]!["shardsCount"]!);
        Assert.Equal(config.ReplicasPerShard, (int)cluster["layout"]!["replicasCount"]!);
        Assert.Equal(config.MaxReplicasPerShard.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (string?)chi["metadata"]!["annotations"]!["dqe.io/max-replicas-per-shard"]);
        Assert.Equal(synth.Config.Engines.ClickHouse.OperatorChartVersion, (string?)synth.EngineResources.Chart("altinity-clickhouse-operator")["Version"]);
    }

    [Fact]
    public void Installation_Settings_Lz4AndMergeTreeFromConfig()
    {
        var synth = Synth.Env("dev");
        var mergeTree = synth.Config.Engines.ClickHouse.MergeTree;

        var settings = Settings(synth);

        Assert.Equal("lz4", (string?)settings["compression/case/method"]);
        Assert.Equal(mergeTree.PartsToDelayInsert, (int)settings["merge_tree/parts_to_delay_insert"]!);
        Assert.Equal(mergeTree.PartsToThrowInsert, (int)settings["merge_tree/parts_to_throw_insert"]!);
        Assert.Equal(mergeTree.MaxPartsInTotal, (int)settings["merge_tree/max_parts_in_total"]!);
        Assert.Equal(mergeTree.MaxMergeSizeGib * 1024L * 1024 * 1024, (long)settings["merge_tree/max_bytes_to_merge_at_max_space_in_pool"]!);
        Assert.Equal(9363, (int)settings["prometheus/port"]!);
    }

    [Fact]
    public void Installation_BackupDisk_OnBackupsBucketThroughIrsaWithoutKeys()
    {
        var settings = Settings(Synth.Env("dev"));

        Assert.Equal("s3", (string?)settings["storage_configuration/disks/backups/type"]);
        Assert.Equal($"https://{EngineResources.Token}.s3.eu-west-1.amazonaws.com/clickhouse/", (string?)settings["storage_configuration/disks/backups/endpoint"]);
        Assert.True((bool)settings["storage_configuration/disks/backups/use_environment_credentials"]!);
        Assert.Equal($"https://{EngineResources.Token}.s3.eu-west-1.amazonaws.com/clickhouse/", (string?)settings["s3/backups/endpoint"]);
        Assert.True((bool)settings["s3/backups/use_environment_credentials"]!);
        Assert.Equal("backups", (string?)settings["backups/allowed_disk"]);
        Assert.DoesNotContain(settings, s => s.Key.Contains("access_key", StringComparison.Ordinal));
    }

    [Fact]
    public void Installation_Pods_ReplicasOfAShardInDifferentZonesOnePerNode()
    {
        var pod = PodTemplate(Synth.Env("dev"));

        var spread = Assert.Single(pod["topologySpreadConstraints"]!.AsArray())!;
        Assert.Equal("topology.kubernetes.io/zone", (string?)spread["topologyKey"]);
        Assert.Equal("DoNotSchedule", (string?)spread["whenUnsatisfiable"]);
        Assert.Equal(1, (int)spread["maxSkew"]!);
        Assert.Equal("clickhouse.altinity.com/shard", (string?)Assert.Single(spread["matchLabelKeys"]!.AsArray()));
        var antiAffinity = Assert.Single(pod["affinity"]!["podAntiAffinity"]!["requiredDuringSchedulingIgnoredDuringExecution"]!.AsArray())!;
        Assert.Equal("kubernetes.io/hostname", (string?)antiAffinity["topologyKey"]);
        Assert.Equal("analytics", (string?)pod["nodeSelector"]!["dqe.io/pool"]);
        Assert.Equal("analytics", (string?)Assert.Single(pod["tolerations"]!.AsArray())!["value"]);
    }

    [Fact]
    public void Installation_Server_ResourcesAndGp3VolumeFromConfig()
    {
        var synth = Synth.Env("prod");
        var chi = synth.EngineResources.Object("ClickHouseInstallation", "dqe", "clickhouse");

        var container = Assert.Single(PodTemplate(synth)["containers"]!.AsArray())!;
        Assert.Equal("8Gi", (string?)container["resources"]!["limits"]!["memory"]);
        Assert.Equal("8Gi", (string?)container["resources"]!["requests"]!["memory"]);
        Assert.Equal("4000m", (string?)container["resources"]!["limits"]!["cpu"]);
        Assert.Equal(synth.Config.Engines.ClickHouse.Image, (string?)container["image"]);
        var volume = Assert.Single(chi["spec"]!["templates"]!["volumeClaimTemplates"]!.AsArray())!;
        Assert.Equal("gp3", (string?)volume["spec"]!["storageClassName"]);
        Assert.Equal($"{synth.Config.Engines.ClickHouse.StorageGib}Gi", (string?)volume["spec"]!["resources"]!["requests"]!["storage"]);
    }

    [Fact]
    public void Keeper_ThreeNodesSpreadOverZonesAndUsedByServers()
    {
        var resources = Synth.Env("dev").EngineResources;

        var keeper = resources.Object("ClickHouseKeeperInstallation", "dqe-keeper", "clickhouse");
        Assert.Equal(3, (int)keeper["spec"]!["configuration"]!["clusters"]![0]!["layout"]!["replicasCount"]!);
        var spread = Assert.Single(keeper["spec"]!["templates"]!["podTemplates"]![0]!["spec"]!["topologySpreadConstraints"]!.AsArray())!;
        Assert.Equal("DoNotSchedule", (string?)spread["whenUnsatisfiable"]);
        var zookeeper = Assert.Single(resources.Object("ClickHouseInstallation", "dqe", "clickhouse")["spec"]!["configuration"]!["zookeeper"]!["nodes"]!.AsArray())!;
        Assert.Equal("dqe-keeper.clickhouse.svc", (string?)zookeeper["host"]);
        // The secure client port: engines.clickHouse.interserverTls is on by default (InternodeTlsTests has the off path).
        Assert.Equal(9281, (int)zookeeper["port"]!);
    }

    [Fact]
    public void Credentials_GeneratedInSecretsManagerAndReferencedNotEmbedded()
    {
        var resources = Synth.Env("dev").EngineResources;

        var users = resources.Object("ClickHouseInstallation", "dqe", "clickhouse")["spec"]!["configuration"]!["users"]!;
        Assert.Equal("clickhouse-credentials/password", (string?)users["dqe/k8s_secret_password"]);
        Assert.Null(users["dqe/password"]);
        var secret = Assert.Single(resources.Resources, r => (string?)r.Value!["Type"] == "AWS::SecretsManager::Secret" && (string?)r.Value!["Properties"]!["Name"] == "dqe/dev/clickhouse");
        Assert.Equal("password", (string?)secret.Value!["Properties"]!["GenerateSecretString"]!["GenerateStringKey"]);
        var sync = resources.Object("ExternalSecret", "clickhouse-credentials", "clickhouse");
        Assert.Equal("aws-secrets-manager", (string?)sync["spec"]!["secretStoreRef"]!["name"]);
    }

    [Fact]
    public void ServiceAccount_Irsa_BackupsPrefixReadWriteLakeReadOnly()
    {
        var statements = IamPolicies.StatementsOfRoleFor(Synth.Env("dev").EngineResources, "system:serviceaccount:clickhouse:clickhouse");

        var writes = IamPolicies.ResourcesOf(statements, "s3:PutObject").Where(r => r != EngineResources.Token).ToList();
        Assert.Equal([$"{EngineResources.Token}/clickhouse/*"], writes);
        var reads = IamPolicies.ResourcesOf(statements, "s3:GetObject");
        Assert.Contains($"{EngineResources.Token}/raw/*", reads);
        Assert.Contains($"{EngineResources.Token}/curated/*", reads);
    }

    [Fact]
    public void Metrics_ServersAndKeeperScrapedByPodMonitors()
    {
        var resources = Synth.Env("dev").EngineResources;

        var monitor = resources.Object("PodMonitor", "clickhouse", "clickhouse");
        Assert.Equal("dqe", (string?)monitor["spec"]!["selector"]!["matchLabels"]!["clickhouse.altinity.com/chi"]);
        Assert.Equal("metrics", (string?)monitor["spec"]!["podMetricsEndpoints"]![0]!["port"]);
        _ = resources.Object("PodMonitor", "clickhouse-keeper", "clickhouse");
    }

    private static JsonObject Settings(SynthesizedEnv synth) =>
        synth.EngineResources.Object("ClickHouseInstallation", "dqe", "clickhouse")["spec"]!["configuration"]!["settings"]!.AsObject();

    private static JsonObject PodTemplate(SynthesizedEnv synth) =>
        Assert.Single(synth.EngineResources.Object("ClickHouseInstallation", "dqe", "clickhouse")["spec"]!["templates"]!["podTemplates"]!.AsArray())!["spec"]!.AsObject();
}
