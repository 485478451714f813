using System.Text.Json.Nodes;
using System.Xml.Linq;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

/// <summary>engines.clickHouse.interserverTls as synthesized for dev (default on): servers, Keeper, certificates, policies.</summary>
public sealed class ClickHouseInterserverTlsTests
{
    private const string ServerFile = "config.d/dqe-interserver-tls.xml";

    [Fact]
    public void Installation_Cluster_MarkedSecureForRemoteServersOnSecureNativePort()
    {
        var cluster = Assert.Single(Configuration()["clusters"]!.AsArray())!;

        Assert.Equal("dqe", (string?)cluster["name"]);
        Assert.Equal("yes", (string?)cluster["secure"]);
        // The secure native port the operator writes into remote_servers is served from the client certificate.
        Assert.Equal(9440, (int)Configuration()["settings"]!["tcp_port_secure"]!);
    }

    [Fact]
    public void Installation_Keeper_ReachedOnSecureClientPort()
    {
        var node = Assert.Single(Configuration()["zookeeper"]!["nodes"]!.AsArray())!;

        Assert.Equal("dqe-keeper.clickhouse.svc", (string?)node["host"]);
        Assert.Equal(9281, (int)node["port"]!);
        Assert.Equal("yes", (string?)node["secure"]);
    }

    [Fact]
    public void ServerConfigFile_WellFormed_ReplicationOnHttpsAndPlainPortRemoved()
    {
        var root = ServerConfig().Root!;

        Assert.Equal("yandex", root.Name.LocalName);
        Assert.Equal("1", (string?)root.Element("interserver_http_port")!.Attribute("remove"));
        Assert.Empty(root.Element("interserver_http_port")!.Value);
        Assert.Equal("9010", root.Element("interserver_https_port")!.Value);
    }

    [Fact]
    public void ServerConfigFile_Client_VerifiesPeersAgainstEnginesCaByName()
    {
        var client = ServerConfig().Root!.Element("openSSL")!.Element("client")!;

        Assert.Equal("/etc/clickhouse-server/tls/ca.crt", client.Element("caConfig")!.Value);
        Assert.Equal("strict", client.Element("verificationMode")!.Value);
        Assert.Equal("true", client.Element("extendedVerification")!.Value);
        Assert.Equal("RejectCertificateHandler", client.Element("invalidCertificateHandler")!.Element("name")!.Value);
        // The same context signs S3 and STS calls, whose certificates chain to public CAs.
        Assert.Equal("true", client.Element("loadDefaultCAFile")!.Value);
        Assert.Contains("tlsv1_1", client.Element("disableProtocols")!.Value, StringComparison.Ordinal);
        // The CA comes from the mounted certificate secret, next to the server's own key pair.
        var settings = Configuration()["settings"]!;
        Assert.Equal("/etc/clickhouse-server/tls/tls.crt", (string?)settings["openSSL/server/certificateFile"]);
        Assert.Equal("/etc/clickhouse-server/tls/tls.key", (string?)settings["openSSL/server/privateKeyFile"]);
    }

    [Fact]
    public void Keeper_Settings_SecureClientPortRaftTlsAndOwnCertificate()
    {
        var settings = Keeper()["spec"]!["configuration"]!["settings"]!;

        Assert.Equal(9281, (int)settings["keeper_server/tcp_port_secure"]!);
        Assert.True((bool)settings["keeper_server/raft_configuration/secure"]!);
        Assert.Equal("/etc/clickhouse-keeper/tls/tls.crt", (string?)settings["openSSL/server/certificateFile"]);
        Assert.Equal("/etc/clickhouse-keeper/tls/tls.key", (string?)settings["openSSL/server/privateKeyFile"]);
        Assert.Equal("/etc/clickhouse-keeper/tls/ca.crt", (string?)settings["openSSL/client/caConfig"]);
        Assert.Equal("strict", (string?)settings["openSSL/client/verificationMode"]);
        Assert.Equal("RejectCertificateHandler", (string?)settings["openSSL/client/invalidCertificateHandler/name"]);
        // Raft peers are the only TLS servers Keeper calls: no public CAs.
        Assert.False((bool)settings["openSSL/client/loadDefaultCAFile"]!);
    }

    [Fact]
    public void Keeper_Pods_MountTheirCertificateAndServiceExposesSecurePort()
    {
        var templates = Keeper()["spec"]!["templates"]!;

        var pod = templates["podTemplates"]![0]!["spec"]!;
        Assert.Equal("clickhouse-keeper-tls", (string?)Assert.Single(pod["volumes"]!.AsArray())!["secret"]!["secretName"]);
        var mount = Assert.Single(pod["containers"]![0]!["volumeMounts"]!.AsArray())!;
        Assert.Equal("/etc/clickhouse-keeper/tls", (string?)mount["mountPath"]);
        Assert.True((bool)mount["readOnly"]!);
        var ports = templates["serviceTemplates"]![0]!["spec"]!["ports"]!.AsArray().Select(p => (int)p!["port"]!);
        Assert.Equal([2181, 9281], ports);
    }

    [Fact]
    public void Certificates_FromEnginesCa_NameEveryHostTheOperatorCanCreate()
    {
        var resources = Synth.Env("dev").EngineResources;
        var config = Synth.Env("dev").Config.Engines.ClickHouse;

        var servers = resources.Object("Certificate", "clickhouse-tls", "clickhouse")["spec"]!;
        var names = Names(servers);
        // Up to maxReplicasPerShard, so automation adding a replica needs no new certificate.
        Assert.Contains($"chi-dqe-dqe-{config.Shards - 1}-{config.MaxReplicasPerShard - 1}", names);
        Assert.Contains("chi-dqe-dqe-0-0-0.chi-dqe-dqe-0-0.clickhouse.svc.cluster.local", names);
        Assert.DoesNotContain($"chi-dqe-dqe-{config.Shards}-0", names);
        Assert.Contains("*.clickhouse.svc", names);
        var keeper = resources.Object("Certificate", "clickhouse-keeper-tls", "clickhouse")["spec"]!;
        Assert.Equal("dqe-ca", (string?)keeper["issuerRef"]!["name"]);
        Assert.Equal("clickhouse-keeper-tls", (string?)keeper["secretName"]);
        Assert.Contains("dqe-keeper.clickhouse.svc", Names(keeper));
        Assert.Contains($"chk-dqe-keeper-keeper-0-{config.KeeperNodes - 1}.clickhouse.svc.cluster.local", Names(keeper));
        // No wildcard: the Keeper certificate cannot stand in for a server.
        Assert.DoesNotContain(Names(keeper), n => n.StartsWith('*'));
        var keeperManifest = resources.ManifestOf("ClickHouseKeeperInstallation", "dqe-keeper");
        Assert.Contains(resources.ManifestOf("Certificate", "clickhouse-keeper-tls"), resources.DependsOn(keeperManifest));
    }

    [Fact]
    public void NetworkPolicies_PlainInterNodePortsClosed()
    {
        var resources = Synth.Env("dev").EngineResources;

        var replication = Rules(resources.Object("NetworkPolicy", "clickhouse-replication", "clickhouse"));
        Assert.Equal([9440, 9010], replication["clickhouse.altinity.com/chi=dqe"]);
        Assert.Equal([8123], replication["app.kubernetes.io/name=altinity-clickhouse-operator"]);
        var keeper = Rules(resources.Object("NetworkPolicy", "clickhouse-keeper", "clickhouse"));
        Assert.Equal([9281], keeper["clickhouse.altinity.com/chi=dqe"]);
        Assert.Equal([9234], keeper["dqe.io/component=dqe-keeper"]);
        Assert.Equal([2181], keeper["app.kubernetes.io/name=altinity-clickhouse-operator"]);
    }

    private static JsonNode Configuration() =>
        Synth.Env("dev").EngineResources.Object("ClickHouseInstallation", "dqe", "clickhouse")["spec"]!["configuration"]!;

    private static JsonObject Keeper() => Synth.Env("dev").EngineResources.Object("ClickHouseKeeperInstallation", "dqe-keeper", "clickhouse");

    private static XDocument ServerConfig() => XDocument.Parse((string)Configuration()["files"]![ServerFile]!);

    private static List<string> Names(JsonNode spec) => [.. spec["dnsNames"]!.AsArray().Select(n => (string)n!)];

    /// <summary>Each ingress rule's ports by its one peer's single label ("key=value").</summary>
    private static Dictionary<string, int[]> Rules(JsonObject policy) => policy["spec"]!["ingress"]!.AsArray().ToDictionary(
        r => Assert.Single(Assert.Single(r!["from"]!.AsArray())!["podSelector"]!["matchLabels"]!.AsObject()) is var (key, value) ? $"{key}={(string?)value}" : "",
        r => r!["ports"]!.AsArray().Select(p => (int)p!["port"]!).ToArray());
}
