using System.Text.Json.Nodes;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

public sealed class EngineNetworkPoliciesTests
{
    [Theory]
    [InlineData("trino")]
    [InlineData("clickhouse")]
    [InlineData("spark")]
    [InlineData("kafka")]
    public void DefaultDeny_EachEngineNamespace_DeniesIngressAndEgressForAllPods(string ns)
    {
        var policy = Synth.Env("dev").EngineResources.Object("NetworkPolicy", "default-deny", ns);

        Assert.Empty(policy["spec"]!["podSelector"]!.AsObject());
        Assert.Equal(["Ingress", "Egress"], policy["spec"]!["policyTypes"]!.AsArray().Select(t => (string)t!));
        Assert.Null(policy["spec"]!["ingress"]);
        Assert.Null(policy["spec"]!["egress"]);
    }

    [Fact]
    public void TrinoClients_OnlyAutomationSubnetsAndGrafanaOnHttpsPort()
    {
        var synth = Synth.Env("dev");

        var rule = Assert.Single(synth.EngineResources.Object("NetworkPolicy", "trino-clients", "trino")["spec"]!["ingress"]!.AsArray())!;

        Assert.Equal([8443], Ports(rule));
        var peers = rule["from"]!.AsArray();
        var cidrs = peers.Where(p => p!["ipBlock"] is not null).Select(p => (string)p!["ipBlock"]!["cidr"]!).ToList();
        Assert.Equal(3, cidrs.Count);
        Assert.All(cidrs, c => Assert.StartsWith("10.40.", c, StringComparison.Ordinal));
        Assert.Contains(peers, p => (string?)p!["podSelector"]?["matchLabels"]?["app.kubernetes.io/name"] == "grafana"
            && (string?)p!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"] == "monitoring");
    }

    [Fact]
    public void TrinoCoordinatorWorkers_TrinoPodsReachEachOtherOnHttpsPortOnly()
    {
        var policy = Synth.Env("dev").EngineResources.Object("NetworkPolicy", "trino-coordinator-workers", "trino");

        // engines.trino.internalTls is on by default; InternodeTlsTests covers the plain 8080 of the off path.
        var rule = Assert.Single(policy["spec"]!["ingress"]!.AsArray())!;
        Assert.Equal([8443], Ports(rule));
        Assert.Equal("trino", (string?)rule["from"]![0]!["podSelector"]!["matchLabels"]!["app.kubernetes.io/name"]);
    }

    [Fact]
    public void ClickHouseKeeper_ServersReachKeeperOnSecureClientPort()
    {
        var policy = Synth.Env("dev").EngineResources.Object("NetworkPolicy", "clickhouse-keeper", "clickhouse");

        Assert.Equal("dqe-keeper", (string?)policy["spec"]!["podSelector"]!["matchLabels"]!["dqe.io/component"]);
        // Interserver TLS is on by default: servers get the secure client port only (InternodeTlsTests has the rest).
        var rule = policy["spec"]!["ingress"]!.AsArray().Single(r => (string?)r!["from"]![0]!["podSelector"]!["matchLabels"]!["clickhouse.altinity.com/chi"] == "dqe")!;
        Assert.Equal([9281], Ports(rule));
    }

    [Fact]
    public void ClickHouseClients_OnlyTlsPorts()
    {
        var rule = Assert.Single(Synth.Env("dev").EngineResources.Object("NetworkPolicy", "clickhouse-clients", "clickhouse")["spec"]!["ingress"]!.AsArray())!;

        Assert.Equal([8443, 9440], Ports(rule));
    }

    [Theory]
    [InlineData("trino", 5556)]
    [InlineData("clickhouse", 9363)]
    [InlineData("kafka", 9404)]
    public void PrometheusScrape_EachNamespace_AllowsMetricsPortFromPrometheus(string ns, int port)
    {
        var rule = Assert.Single(Synth.Env("dev").EngineResources.Object("NetworkPolicy", "allow-prometheus-scrape", ns)["spec"]!["ingress"]!.AsArray())!;

        Assert.Contains(port, Ports(rule));
        Assert.Equal("prometheus", (string?)rule["from"]![0]!["podSelector"]!["matchLabels"]!["app.kubernetes.io/name"]);
    }

    [Fact]
    public void Enforcement_VpcCniAddon_NetworkPolicyAgentEnabled()
    {
        var addon = Assert.Single(Synth.Env("dev").EngineResources.Resources, r => (string?)r.Value!["Type"] == "AWS::EKS::Addon").Value!["Properties"]!;

        Assert.Equal("vpc-cni", (string?)addon["AddonName"]);
        Assert.Equal("true", (string?)JsonNode.Parse((string)addon["ConfigurationValues"]!)!["enableNetworkPolicy"]);
    }

    private static List<int> Ports(JsonNode rule) => [.. rule["ports"]!.AsArray().Select(p => (int)p!["port"]!)];
}
