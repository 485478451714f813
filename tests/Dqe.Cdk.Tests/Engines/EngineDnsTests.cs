using System.Text.Json.Nodes;
using Dqe.Cdk.Engines;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

public sealed class EngineDnsTests
{
    private static IReadOnlyList<string> Strings(JsonNode? node) => TemplateJson.Strings(node);

    [Fact]
    public void Zone_Always_PrivateToTheVpcAndNamedForTheEnvironment()
    {
        var zone = Assert.Single(Synth.Env("staging").EngineResources.Resources, r => (string?)r.Value!["Type"] == "AWS::Route53::HostedZone").Value!["Properties"]!;

        Assert.Equal("staging.dqe.internal.", (string?)zone["Name"]);
        Assert.Single(zone["VPCs"]!.AsArray());
    }

    [Theory]
    [InlineData("trino-vpc", "trino", "trino.dev.dqe.internal", 8443)]
    [InlineData("clickhouse-vpc", "clickhouse", "clickhouse.dev.dqe.internal", 8443)]
    public void Service_PerEngine_HeadlessReadyOnlyAndAnnotatedWithItsVpcName(string name, string ns, string host, int port)
    {
        var service = Synth.Env("dev").EngineResources.Object("Service", name, ns);

        Assert.Equal("None", (string?)service["spec"]!["clusterIP"]);
        Assert.False((bool)service["spec"]!["publishNotReadyAddresses"]!);
        Assert.Equal(port, (int)service["spec"]!["ports"]![0]!["port"]!);
        Assert.Equal(host, (string?)service["metadata"]!["annotations"]!["external-dns.alpha.kubernetes.io/hostname"]);
        Assert.Equal("true", (string?)service["metadata"]!["annotations"]![EngineDns.PublishAnnotation]);
        Assert.Equal(host, ns == "trino" ? EngineEndpoints.For("dev").TrinoHost : EngineEndpoints.For("dev").ClickHouseHost);
    }

    [Fact]
    public void ExternalDns_Always_WritesOnlyTheEngineZoneAndOnlyAnnotatedServices()
    {
        var engines = Synth.Env("dev");
        var values = engines.EngineResources.Values("external-dns");
        Assert.Equal(["dev.dqe.internal"], Strings(values["domainFilters"]));
        Assert.Contains("--aws-zone-type=private", Strings(values["extraArgs"]));
        Assert.Contains($"--annotation-filter={EngineDns.PublishAnnotation} in (true)", Strings(values["extraArgs"]));
        Assert.Contains(Strings(values["extraArgs"]), a => a.StartsWith("--zone-id-filter=", StringComparison.Ordinal));

        var writes = TemplateJson.PolicyStatements(engines.Engines)
            .Select(s => s.Statement)
            .Where(s => TemplateJson.Strings(s["Action"]).Contains("route53:ChangeResourceRecordSets"))
            .ToList();
        var write = Assert.Single(writes);
        Assert.DoesNotContain("*", TemplateJson.Strings(write["Resource"]));
        Assert.Contains("hostedzone", write["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trino-tls", "trino", "trino.prod.dqe.internal")]
    [InlineData("clickhouse-tls", "clickhouse", "clickhouse.prod.dqe.internal")]
    public void Certificate_PerEngine_CarriesTheVpcName(string secret, string ns, string host)
    {
        var certificate = Synth.Env("prod").EngineResources.Object("Certificate", secret, ns);

        Assert.Contains(host, Strings(certificate["spec"]!["dnsNames"]));
    }
}
