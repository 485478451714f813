using System.Text.Json.Nodes;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

/// <summary>engines.trino.internalTls: HTTPS between coordinator and workers, as synthesized for dev (default on).</summary>
public sealed class TrinoInternalTlsTests
{
    [Fact]
    public void ConfigProperties_BothRoles_RequireHttpsTrustTheCaAndAnnounceIpNames()
    {
        // additionalConfigProperties lands in the coordinator's and the workers' config.properties alike.
        var lines = Lines(Values()["additionalConfigProperties"]!);

        Assert.Contains("internal-communication.https.required=true", lines);
        Assert.Contains("internal-communication.https.truststore.path=/etc/trino/tls/ca.crt", lines);
        Assert.Contains("node.internal-address-source=IP_ENCODED_AS_HOSTNAME", lines);
        // The shared secret still signs internal requests.
        Assert.Contains("internal-communication.shared-secret=${ENV:TRINO_SHARED_SECRET}", lines);
    }

    [Fact]
    public void Workers_ServeHttpsFromTheirOwnCertificate()
    {
        var values = Values();

        var extra = ((string)values["server"]!["workerExtraConfig"]!).Split('\n');
        Assert.Equal(["http-server.https.enabled=true", "http-server.https.port=8443", "http-server.https.keystore.path=/etc/trino/tls/tls-combined.pem"], extra);
        var mount = Assert.Single(values["worker"]!["secretMounts"]!.AsArray())!;
        Assert.Equal("trino-worker-tls", (string?)mount["secretName"]);
        Assert.Equal("/etc/trino/tls", (string?)mount["path"]);
    }

    [Fact]
    public void Coordinator_KeepsClientCertificateForItselfOnly()
    {
        var values = Values();

        var mount = Assert.Single(values["coordinator"]!["secretMounts"]!.AsArray())!;
        Assert.Equal("trino-tls", (string?)mount["secretName"]);
        Assert.Equal("/etc/trino/tls", (string?)mount["path"]);
        // The chart's HTTPS block (coordinator only) reads the same mount.
        Assert.Equal("/etc/trino/tls/tls-combined.pem", (string?)values["server"]!["config"]!["https"]!["keystore"]!["path"]);
        // Mounted on every pod, the client certificate would also reach the workers (and clash with their mount).
        Assert.DoesNotContain(values["secretMounts"]!.AsArray(), m => (string?)m!["path"] == "/etc/trino/tls");
    }

    [Theory]
    [InlineData("coordinator", "-Ddiscovery.uri=https://localhost:8443")]
    [InlineData("worker", "-Ddiscovery.uri=https://trino-https.trino.svc:8443")]
    public void Discovery_EachRole_HttpsUriAsSystemPropertyOverridingTheChartsHttpOne(string role, string expected)
    {
        Assert.Equal([expected], Lines(Values()[role]!["additionalJVMConfig"]!));
    }

    [Fact]
    public void Certificates_NodeNameWildcardFromEnginesCa()
    {
        var resources = Synth.Env("dev").EngineResources;

        var worker = resources.Object("Certificate", "trino-worker-tls", "trino")["spec"]!;
        Assert.Equal(["*.ip"], Lines(worker["dnsNames"]!));
        Assert.Equal("dqe-ca", (string?)worker["issuerRef"]!["name"]);
        Assert.Equal("ClusterIssuer", (string?)worker["issuerRef"]!["kind"]);
        Assert.Equal("CombinedPEM", (string?)worker["additionalOutputFormats"]![0]!["type"]);
        var coordinator = Lines(resources.Object("Certificate", "trino-tls", "trino")["spec"]!["dnsNames"]!);
        // Node name, the workers' discovery host and the coordinator's own discovery host.
        Assert.Contains("*.ip", coordinator);
        Assert.Contains("trino-https.trino.svc", coordinator);
        Assert.Contains("localhost", coordinator);
        Assert.Contains(resources.ManifestOf("Certificate", "trino-worker-tls"), resources.DependsOn(resources.ChartId("trino")));
    }

    [Fact]
    public void NetworkPolicy_PodsReachEachOtherOnHttpsOnly()
    {
        var policy = Synth.Env("dev").EngineResources.Object("NetworkPolicy", "trino-coordinator-workers", "trino")["spec"]!;

        var rule = Assert.Single(policy["ingress"]!.AsArray())!;
        Assert.Equal([8443], rule["ports"]!.AsArray().Select(p => (int)p!["port"]!));
        Assert.Equal("trino", (string?)rule["from"]![0]!["podSelector"]!["matchLabels"]!["app.kubernetes.io/name"]);
        Assert.Equal("trino", (string?)policy["podSelector"]!["matchLabels"]!["app.kubernetes.io/name"]);
    }

    private static JsonObject Values() => Synth.Env("dev").EngineResources.Values("trino");

    private static List<string> Lines(JsonNode array) => [.. array.AsArray().Select(l => (string)l!)];
}
