using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

public sealed class EngineCertificatesTests
{
    [Theory]
    [InlineData("trino-tls", "trino", "trino-https.trino.svc")]
    [InlineData("clickhouse-tls", "clickhouse", "clickhouse-dqe.clickhouse.svc")]
    public void Certificate_ClientEndpoint_IssuedByEnginesCaForServiceName(string name, string ns, string dnsName)
    {
        var certificate = Synth.Env("dev").EngineResources.Object("Certificate", name, ns);

        Assert.Equal("dqe-ca", (string?)certificate["spec"]!["issuerRef"]!["name"]);
        Assert.Equal("ClusterIssuer", (string?)certificate["spec"]!["issuerRef"]!["kind"]);
        Assert.Contains(dnsName, certificate["spec"]!["dnsNames"]!.AsArray().Select(d => (string)d!));
        Assert.Equal(name, (string?)certificate["spec"]!["secretName"]);
    }

    [Fact]
    public void Ca_SelfSignedRootAndOnlyItsCertificatePublished()
    {
        var synth = Synth.Env("dev");
        var resources = synth.EngineResources;

        Assert.Equal("v1.16.2", synth.Config.Engines.CertManagerChartVersion);
        Assert.Equal(synth.Config.Engines.CertManagerChartVersion, (string?)resources.Chart("cert-manager")["Version"]);
        Assert.True((bool)resources.Object("Certificate", "dqe-ca", "cert-manager")["spec"]!["isCA"]!);
        var push = resources.Object("PushSecret", "engines-ca", "cert-manager");
        var data = Assert.Single(push["spec"]!["data"]!.AsArray())!;
        Assert.Equal("ca.crt", (string?)data["match"]!["secretKey"]);
        Assert.Equal("dqe/dev/engines-ca", (string?)data["match"]!["remoteRef"]!["remoteKey"]);
    }

    [Fact]
    public void Trino_Coordinator_ServesHttpsFromCombinedPem()
    {
        var values = Synth.Env("dev").EngineResources.Values("trino");

        var https = values["server"]!["config"]!["https"]!;
        Assert.True((bool)https["enabled"]!);
        Assert.Equal(8443, (int)https["port"]!);
        Assert.Equal("/etc/trino/tls/tls-combined.pem", (string?)https["keystore"]!["path"]);
        // On the coordinator only: with internal TLS (default) the workers mount their own certificate there.
        Assert.Contains(values["coordinator"]!["secretMounts"]!.AsArray(), m => (string?)m!["secretName"] == "trino-tls" && (string?)m!["path"] == "/etc/trino/tls");
        var service = Synth.Env("dev").EngineResources.Object("Service", "trino-https", "trino");
        Assert.Equal(8443, (int)service["spec"]!["ports"]![0]!["port"]!);
        Assert.Equal("coordinator", (string?)service["spec"]!["selector"]!["app.kubernetes.io/component"]);
    }

    [Fact]
    public void ClickHouse_Servers_ServeHttpsAndSecureNativeFromMountedCertificate()
    {
        var chi = Synth.Env("dev").EngineResources.Object("ClickHouseInstallation", "dqe", "clickhouse");

        var settings = chi["spec"]!["configuration"]!["settings"]!;
        Assert.Equal(8443, (int)settings["https_port"]!);
        Assert.Equal(9440, (int)settings["tcp_port_secure"]!);
        Assert.Equal("/etc/clickhouse-server/tls/tls.crt", (string?)settings["openSSL/server/certificateFile"]);
        var pod = chi["spec"]!["templates"]!["podTemplates"]![0]!["spec"]!;
        Assert.Equal("clickhouse-tls", (string?)pod["volumes"]![0]!["secret"]!["secretName"]);
        Assert.Equal("/etc/clickhouse-server/tls", (string?)pod["containers"]![0]!["volumeMounts"]![0]!["mountPath"]);
    }
}
