using System.Text.Json.Nodes;
using Dqe.Cdk.Config;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

/// <summary>The internode TLS switches: on in every environment, validated, and the plain layout when switched off.</summary>
public sealed class InternodeTlsConfigTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    [InlineData("dr")]
    public void Load_EveryEnvironment_InternodeTlsOnByDefault(string env)
    {
        var config = Synth.Config(env);

        Assert.True(config.Engines.Trino.InternalTls.Enabled);
        Assert.True(config.Engines.ClickHouse.InterserverTls.Enabled);
    }

    [Theory]
    [InlineData("image", "clickhouse/clickhouse-server:21.8.15.7")]
    [InlineData("keeperImage", "clickhouse/clickhouse-keeper:21.12.4.1")]
    public void Load_InterserverTlsWithOldImage_ClearErrorNamingKey(string key, string image)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c => CdkContext.Set(c, "dev", $"engines.clickHouse.{key}", $"\"{image}\"")));

        Assert.Contains($"engines.clickHouse.{key} = '{image}' is older than 22.3 but engines.clickHouse.interserverTls.enabled is true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OldImageWithInterserverTlsOff_Accepted()
    {
        var config = Synth.Config("dev", c =>
        {
            CdkContext.Set(c, "dev", "engines.clickHouse.image", "\"clickhouse/clickhouse-server:21.8.15.7\"");
            CdkContext.Set(c, "dev", "engines.clickHouse.interserverTls", "{\"enabled\": false}");
        });

        Assert.False(config.Engines.ClickHouse.InterserverTls.Enabled);
    }

    [Fact]
    public void Load_UnknownInternalTlsKey_RejectedAsTypo()
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c => CdkContext.Set(c, "dev", "engines.trino.internalTls", "{\"enable\": false}")));

        Assert.Contains("enable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Synth_BothOff_PlainInterNodeLayoutWithoutTlsPieces()
    {
        var synth = Synth.Fresh("dev", c =>
        {
            CdkContext.Set(c, "dev", "engines.trino.internalTls", "{\"enabled\": false}");
            CdkContext.Set(c, "dev", "engines.clickHouse.interserverTls", "{\"enabled\": false}");
        });
        var resources = synth.EngineResources;

        var trino = resources.Values("trino");
        Assert.DoesNotContain(trino["additionalConfigProperties"]!.AsArray(), l => ((string)l!).StartsWith("internal-communication.https", StringComparison.Ordinal));
        Assert.Null(trino["server"]!["workerExtraConfig"]);
        Assert.Null(trino["worker"]!["additionalJVMConfig"]);
        Assert.Contains(trino["secretMounts"]!.AsArray(), m => (string?)m!["secretName"] == "trino-tls");
        Assert.DoesNotContain(resources.OfKind("Certificate"), c => (string?)c["metadata"]!["name"] is "trino-worker-tls" or "clickhouse-keeper-tls");
        Assert.DoesNotContain("*.ip", Names(resources.Object("Certificate", "trino-tls", "trino")));
        Assert.Equal([8080], Ports(Assert.Single(resources.Object("NetworkPolicy", "trino-coordinator-workers", "trino")["spec"]!["ingress"]!.AsArray())!));

        var configuration = resources.Object("ClickHouseInstallation", "dqe", "clickhouse")["spec"]!["configuration"]!;
        Assert.Null(configuration["files"]);
        Assert.Null(configuration["clusters"]![0]!["secure"]);
        var node = Assert.Single(configuration["zookeeper"]!["nodes"]!.AsArray())!;
        Assert.Equal(2181, (int)node["port"]!);
        Assert.Null(node["secure"]);
        var keeper = resources.Object("ClickHouseKeeperInstallation", "dqe-keeper", "clickhouse")["spec"]!;
        Assert.Null(keeper["configuration"]!["settings"]!["keeper_server/tcp_port_secure"]);
        Assert.Null(keeper["templates"]!["podTemplates"]![0]!["spec"]!["volumes"]);
        Assert.DoesNotContain("chi-dqe-dqe-0-0", Names(resources.Object("Certificate", "clickhouse-tls", "clickhouse")));
        var replication = Assert.Single(resources.Object("NetworkPolicy", "clickhouse-replication", "clickhouse")["spec"]!["ingress"]!.AsArray())!;
        Assert.Equal([8123, 9000, 9009], Ports(replication));
        var keeperPolicy = Assert.Single(resources.Object("NetworkPolicy", "clickhouse-keeper", "clickhouse")["spec"]!["ingress"]!.AsArray())!;
        Assert.Equal([2181, 9234], Ports(keeperPolicy));
    }

    private static List<string> Names(JsonObject certificate) => [.. certificate["spec"]!["dnsNames"]!.AsArray().Select(n => (string)n!)];

    private static List<int> Ports(JsonNode rule) => [.. rule["ports"]!.AsArray().Select(p => (int)p!["port"]!)];
}
