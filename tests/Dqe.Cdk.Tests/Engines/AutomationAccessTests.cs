using System.Text.Json.Nodes;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

public sealed class AutomationAccessTests
{
    [Fact]
    public void AccessEntry_AutomationRole_MappedToScopedGroupNotAdmin()
    {
        var entry = Assert.Single(Synth.Env("dev").EngineResources.Resources, r => (string?)r.Value!["Type"] == "AWS::EKS::AccessEntry").Value!["Properties"]!;

        Assert.Equal(["dqe-automation"], entry["KubernetesGroups"]!.AsArray().Select(g => (string)g!));
        Assert.Equal("STANDARD", (string?)entry["Type"]);
        Assert.Null(entry["AccessPolicies"]);
        Assert.Contains("AutomationRole", entry["PrincipalArn"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterRole_Nodes_OnlyReadAndCordonPatch()
    {
        var role = Synth.Env("dev").EngineResources.Object("ClusterRole", "dqe-automation-nodes");

        var rule = Assert.Single(role["rules"]!.AsArray())!;
        Assert.Equal(["nodes"], Strings(rule["resources"]));
        Assert.Equal(["get", "list", "watch", "patch"], Strings(rule["verbs"]));
    }

    [Theory]
    [InlineData("trino")]
    [InlineData("clickhouse")]
    [InlineData("kafka")]
    [InlineData("spark")]
    public void Role_EngineNamespace_PodsAndChaosMeshOnlyNoSecrets(string ns)
    {
        var resources = Synth.Env("dev").EngineResources;

        var rules = resources.Object("Role", "dqe-automation", ns)["rules"]!.AsArray();

        Assert.Contains(rules, r => Strings(r!["resources"]).SequenceEqual(["pods"]) && Strings(r!["verbs"]).Contains("delete"));
        Assert.Contains(rules, r => Strings(r!["apiGroups"]).SequenceEqual(["chaos-mesh.org"]) && Strings(r!["resources"]).Contains("podchaos"));
        Assert.DoesNotContain(rules, r => Strings(r!["resources"]).Contains("secrets") || Strings(r!["resources"]).Contains("*") || Strings(r!["verbs"]).Contains("*"));
        var binding = resources.Object("RoleBinding", "dqe-automation", ns);
        Assert.Equal("dqe-automation", (string?)binding["subjects"]![0]!["name"]);
        Assert.Equal("Group", (string?)binding["subjects"]![0]!["kind"]);
    }

    [Theory]
    [InlineData("trino")]
    [InlineData("clickhouse")]
    public void Role_EngineNamespace_ExactlyWhatTheChaosCodeCalls(string ns)
    {
        var rules = Synth.Env("dev").EngineResources.Object("Role", "dqe-automation", ns)["rules"]!.AsArray();

        var eviction = Assert.Single(rules, r => Strings(r!["resources"]).Contains("pods/eviction"))!;
        Assert.Equal(["create"], Strings(eviction["verbs"]));
        var leases = Assert.Single(rules, r => Strings(r!["apiGroups"]).SequenceEqual(["coordination.k8s.io"]))!;
        Assert.Equal(["leases"], Strings(leases["resources"]));
        Assert.Equal(["create", "delete", "get", "update"], Strings(leases["verbs"]).Order());
        var chaos = Assert.Single(rules, r => Strings(r!["apiGroups"]).SequenceEqual(["chaos-mesh.org"]))!;
        Assert.Equal(["networkchaos", "podchaos", "stresschaos"], Strings(chaos["resources"]).Order());
        Assert.Equal(["create", "delete", "get", "list", "patch", "watch"], Strings(chaos["verbs"]).Order());
    }

    [Fact]
    public void Role_ClickHouseReplicas_PatchOnlyTheInstallation()
    {
        var rules = Synth.Env("dev").EngineResources.Object("Role", "dqe-automation-clickhouse-replicas", "clickhouse")["rules"]!.AsArray();

        var patch = Assert.Single(rules, r => Strings(r!["verbs"]).Contains("patch"))!;
        Assert.Equal(["clickhouseinstallations"], Strings(patch["resources"]));
        Assert.Equal(["dqe"], Strings(patch["resourceNames"]));
    }

    [Fact]
    public void Role_TrinoHpa_PatchOnlyTheWorkerHpa()
    {
        var rules = Synth.Env("dev").EngineResources.Object("Role", "dqe-automation-trino-hpa", "trino")["rules"]!.AsArray();

        var patch = Assert.Single(rules, r => Strings(r!["verbs"]).Contains("patch"))!;
        Assert.Equal(["horizontalpodautoscalers"], Strings(patch["resources"]));
        Assert.Equal(["trino-worker"], Strings(patch["resourceNames"]));
    }

    [Fact]
    public void ClientSecurityGroup_OpensOnlyEngineClientPortsAndTheApiOnClusterSecurityGroup()
    {
        var ingress = Synth.Env("dev").EngineResources.Resources
            .Where(r => (string?)r.Value!["Type"] == "AWS::EC2::SecurityGroupIngress")
            .Select(r => r.Value!["Properties"]!)
            .ToList();

        // 443: the Kubernetes API's private endpoint; 8443/9440: the engines' TLS client ports.
        Assert.Equal([443, 8443, 9440], ingress.Select(i => (int)i["FromPort"]!).Order());
        Assert.All(ingress, i => Assert.Equal((int)i["FromPort"]!, (int)i["ToPort"]!));
        Assert.All(ingress, i => Assert.Contains("ClusterSecurityGroupId", i["GroupId"]!.ToJsonString(), StringComparison.Ordinal));
        Assert.All(ingress, i => Assert.Contains("AutomationClientSecurityGroup", i["SourceSecurityGroupId"]!.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Role_Secrets_ReadsEngineCredentialsAndCaOnly()
    {
        var resources = Synth.Env("dev").EngineResources;
        var role = Assert.Single(resources.Resources, r => (string?)r.Value!["Type"] == "AWS::IAM::Role" && r.Key.StartsWith("AutomationRole", StringComparison.Ordinal)).Key;

        var statements = resources.Resources
            .Where(r => (string?)r.Value!["Type"] == "AWS::IAM::Policy" && r.Value!["Properties"]!["Roles"]!.AsArray().Any(x => (string?)x!["Ref"] == role))
            .SelectMany(r => r.Value!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))
            .ToList();

        var secretStatements = statements.Where(s => IamPolicies.Actions(s).Any(a => a.StartsWith("secretsmanager:", StringComparison.Ordinal))).ToList();
        Assert.All(secretStatements, s => Assert.DoesNotContain(IamPolicies.Actions(s), a => a is "secretsmanager:PutSecretValue" or "secretsmanager:*"));
        var text = string.Join(" ", secretStatements.Select(s => s.ToJsonString()));
        Assert.Contains("TrinoCredentials", text, StringComparison.Ordinal);
        Assert.Contains("ClickHouseCredentials", text, StringComparison.Ordinal);
        Assert.Contains("dqe/dev/engines-ca", text, StringComparison.Ordinal);
    }

    /// <summary>Every API call KubernetesDrillActions makes, as (namespace or null for cluster-wide, resource, verb).</summary>
    [Theory]
    [InlineData("clickhouse", "pods", "list")]
    [InlineData("clickhouse", "pods", "delete")]
    [InlineData("trino", "pods", "delete")]
    [InlineData("clickhouse", "persistentvolumeclaims", "list")]
    [InlineData("clickhouse", "persistentvolumeclaims", "delete")]
    [InlineData(null, "nodes", "list")]
    [InlineData(null, "nodes", "patch")]
    [InlineData(null, "pods", "list")]
    [InlineData(null, "pods/eviction", "create")]
    [InlineData(null, "namespaces", "list")]
    public void Rbac_DrillActionCall_IsAllowed(string? ns, string resource, string verb)
    {
        Assert.True(Allowed(Synth.Env("dev").EngineResources, ns, resource, verb), $"{verb} {resource} in {ns ?? "the cluster"} is not granted to dqe-automation");
    }

    [Theory]
    [InlineData(null, "namespaces", "delete")]
    [InlineData(null, "persistentvolumeclaims", "delete")]
    [InlineData("trino", "persistentvolumeclaims", "delete")]
    [InlineData(null, "pods", "delete")]
    [InlineData(null, "persistentvolumes", "delete")]
    [InlineData("clickhouse", "secrets", "get")]
    [InlineData("trino", "pods/proxy", "create")]
    [InlineData(null, "pods/proxy", "get")]
    [InlineData("clickhouse", "services/proxy", "get")]
    [InlineData(null, "services/proxy", "get")]
    public void Rbac_BeyondTheDrill_IsNotAllowed(string? ns, string resource, string verb)
    {
        Assert.False(Allowed(Synth.Env("dev").EngineResources, ns, resource, verb), $"{verb} {resource} in {ns ?? "the cluster"} should not be granted");
    }

    [Fact]
    public void Role_KafkaTopics_ReadCreatePatchButNeverDeleteInKafkaNamespace()
    {
        var resources = Synth.Env("dev").EngineResources;

        var rule = Assert.Single(resources.Object("Role", "dqe-automation-kafka-topics", "kafka")["rules"]!.AsArray())!;
        Assert.Equal(["kafka.strimzi.io"], Strings(rule["apiGroups"]));
        Assert.Equal(["kafkatopics"], Strings(rule["resources"]));
        Assert.Equal(["get", "list", "create", "patch"], Strings(rule["verbs"]));
        Assert.DoesNotContain("delete", Strings(rule["verbs"]));
        Assert.Equal("kafka", (string?)resources.Object("RoleBinding", "dqe-automation-kafka-topics", "kafka")["metadata"]!["namespace"]);
    }

    [Fact]
    public void Rbac_PodProxy_OnlyGetAndCreateInTheClickHouseNamespace()
    {
        var resources = Synth.Env("dev").EngineResources;

        var proxyRules = resources.Objects.Where(o => (string?)o["kind"] is "Role" or "ClusterRole")
            .SelectMany(r => r["rules"]!.AsArray().Where(rule => Strings(rule!["resources"]).Contains("pods/proxy")).Select(rule => (Role: r, Rule: rule!)))
            .ToList();

        var (role, rule) = Assert.Single(proxyRules);
        Assert.Equal("Role", (string?)role["kind"]);
        Assert.Equal("clickhouse", (string?)role["metadata"]!["namespace"]);
        Assert.Equal(["pods/proxy"], Strings(rule["resources"]));
        Assert.Equal(["create", "get"], Strings(rule["verbs"]).Order());
        Assert.True(Allowed(resources, "clickhouse", "pods/proxy", "create"));
        Assert.DoesNotContain(resources.Objects, o => o["rules"] is JsonArray rules && rules.Any(r => Strings(r!["resources"]).Contains("services/proxy")));
    }

    [Fact]
    public void Rbac_ServiceProxy_GetOnThePrometheusServiceOnlyInMonitoring()
    {
        var resources = new EngineResources(Synth.Env("dev").Observability);

        var role = resources.Object("Role", "dqe-automation-service-proxy", "monitoring");
        var rule = Assert.Single(role["rules"]!.AsArray())!;
        Assert.Equal([""], Strings(rule["apiGroups"]));
        Assert.Equal(["services/proxy"], Strings(rule["resources"]));
        Assert.Equal(["get"], Strings(rule["verbs"]));
        Assert.Equal(["kube-prometheus-stack-prometheus"], Strings(rule["resourceNames"]));
        var binding = resources.Object("RoleBinding", "dqe-automation-service-proxy", "monitoring");
        Assert.Equal("dqe-automation", (string?)binding["subjects"]![0]!["name"]);
        Assert.Equal("dqe-automation-service-proxy", (string?)binding["roleRef"]!["name"]);
        // The only proxy grant of the observability stack, and after the namespace it lives in.
        Assert.Single(resources.Objects, o => o["rules"] is JsonArray rules && rules.Any(r => Strings(r!["resources"]).Any(x => x.EndsWith("/proxy", StringComparison.Ordinal))));
        var manifest = resources.Resources[resources.ManifestOf("Role", "dqe-automation-service-proxy")]!;
        Assert.Contains(resources.ManifestOf("Namespace", "monitoring"), manifest["DependsOn"]!.AsArray().Select(d => (string)d!));
    }

    /// <summary>Evaluates the group's bindings as the API server would: cluster roles everywhere, roles in their namespace.</summary>
    private static bool Allowed(EngineResources resources, string? ns, string resource, string verb)
    {
        var bound = resources.Objects
            .Where(o => (string?)o["kind"] is "RoleBinding" or "ClusterRoleBinding"
                && o["subjects"]!.AsArray().Any(s => (string?)s!["name"] == "dqe-automation"))
            .Where(b => (string?)b["kind"] == "ClusterRoleBinding" || (ns is not null && (string?)b["metadata"]!["namespace"] == ns))
            .Select(b => resources.Object((string)b["roleRef"]!["kind"]!, (string)b["roleRef"]!["name"]!, (string?)b["metadata"]!["namespace"]));
        return bound.SelectMany(r => r["rules"]!.AsArray()).Any(rule =>
            Strings(rule!["apiGroups"]).Contains("") && Strings(rule["resources"]).Contains(resource)
            && Strings(rule["verbs"]).Contains(verb) && rule["resourceNames"] is null);
    }

    private static List<string> Strings(JsonNode? node) => node is JsonArray a ? [.. a.Select(x => (string)x!)] : [];
}
