using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Dqe.Cdk.Config;
using Dqe.Cdk.Security;
using Dqe.Cdk.Tests.TestHelpers;
using static Dqe.Cdk.Tests.TestHelpers.TemplateJson;

namespace Dqe.Cdk.Tests.Security;

public sealed class SecretsOperatorTests
{
    private const string Subject = "system:serviceaccount:dqe-external-secrets:external-secrets";

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    [InlineData("dr")]
    public void Chart_AcrossAllStacksOfAnEnv_InstalledExactlyOnceByPlatform(string env)
    {
        var synth = Synth.Env(env);

        var releases = StacksOf(synth)
            .SelectMany(s => ResourceObjects(s.Template, "Custom::AWSCDK-EKS-HelmChart").Select(r => (s.Name, Release: r["Properties"]!)))
            .Where(r => (string?)r.Release["Chart"] == "external-secrets")
            .ToList();

        var (stack, release) = Assert.Single(releases);
        Assert.Equal("Platform", stack);
        Assert.Equal(synth.Config.Cluster.ExternalSecretsChartVersion, (string?)release["Version"]);
        Assert.Equal("dqe-external-secrets", (string?)release["Namespace"]);
    }

    [Fact]
    public void Store_InPlatform_AppliesAfterTheChart()
    {
        var platform = new EngineResources(Synth.Env("dev").Platform);

        Assert.Contains(platform.ChartId("external-secrets"), platform.DependsOn(platform.ManifestOf("ClusterSecretStore", SecretsOperator.AwsStore)));
        Assert.Equal("SecretsManager", (string?)platform.Object("ClusterSecretStore", SecretsOperator.AwsStore)["spec"]!["provider"]!["aws"]!["service"]);
    }

    [Theory]
    [InlineData("Observability")]
    [InlineData("Engines")]
    public void ExternalSecrets_OfAConsumerStack_UseTheSharedOperatorAfterTheirGrants(string name)
    {
        var synth = Synth.Env("dev");
        var (_, stack, template) = StacksOf(synth).Single(s => s.Name == name);
        var resources = new EngineResources(template);

        Assert.Contains(synth.Stacks.Platform, stack.Dependencies);
        Assert.DoesNotContain(resources.Charts, c => (string?)c["Chart"] == "external-secrets");
        var grants = GrantPolicyId(resources);
        var externalSecrets = resources.OfKind("ExternalSecret").ToList();
        Assert.NotEmpty(externalSecrets);
        foreach (var secret in externalSecrets)
        {
            var store = secret["spec"]!["secretStoreRef"]!;
            Assert.Equal("ClusterSecretStore", (string?)store["kind"]);
            Assert.Contains(ManifestsApplying(resources, secret), m => resources.DependsOn(m).Contains(grants));
        }

        if (name == "Observability")
        {
            Assert.All(externalSecrets, s => Assert.Equal(SecretsOperator.AwsStore, (string?)s["spec"]!["secretStoreRef"]!["name"]));
            Assert.DoesNotContain(synth.Stacks.Engines, stack.Dependencies);
        }
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Role_AcrossAllStacks_ReadsOnlyDqeSecretsNeverStar(string env)
    {
        var synth = Synth.Env(env);
        var platform = new EngineResources(synth.Platform);

        // The role itself carries no policy: every permission is a grant from the stack that owns the secret.
        Assert.Empty(IamPolicies.StatementsOfRoleFor(platform, Subject));
        var roleId = OperatorRoleId(platform);
        var exports = platform.Resources.Parent!["Outputs"]!.AsObject()
            .Where(o => o.Value!["Value"] is JsonObject value && (string?)value["Ref"] == roleId)
            .Select(o => (string)o.Value!["Export"]!["Name"]!)
            .ToHashSet(StringComparer.Ordinal);

        foreach (var (name, _, template) in StacksOf(synth).Where(s => s.Name is "Engines" or "Observability"))
        {
            var resources = new EngineResources(template);
            // Identity policies only: a resource policy on a secret would mean the grant was taken for cross-account.
            Assert.Empty(ResourceObjects(template, "AWS::SecretsManager::ResourcePolicy"));
            var policy = resources.Resources[GrantPolicyId(resources)]!["Properties"]!;
            // Imported by name: the role name is taken apart from an ARN around the platform's export.
            var attachedTo = Assert.Single(policy["Roles"]!.AsArray())!.ToJsonString();
            Assert.Contains(exports, e => attachedTo.Contains($"\"Fn::ImportValue\":\"{e}\"", StringComparison.Ordinal));

            foreach (var statement in policy["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))
            {
                Assert.All(IamPolicies.Actions(statement), a => Assert.StartsWith("secretsmanager:", a, StringComparison.Ordinal));
                var arns = statement["Resource"] is JsonArray many ? [.. many.Select(r => r!)] : new List<JsonNode> { statement["Resource"]! };
                foreach (var arn in arns)
                {
                    var secretName = SecretNameOf(resources, arn);
                    Assert.True(secretName.StartsWith("dqe/", StringComparison.Ordinal), $"{name}: operator may read '{secretName}', not a Dqe secret");
                    if (IamPolicies.Actions(statement).Contains("secretsmanager:PutSecretValue"))
                    {
                        Assert.Equal($"dqe/{env}/engines-ca-??????", secretName);
                    }
                }
            }
        }
    }

    [Fact]
    public void Role_Observability_GrantsExactlyItsFourSecrets()
    {
        var resources = new EngineResources(Synth.Env("dev").Observability);

        var statement = Assert.Single(resources.Resources[GrantPolicyId(resources)]!["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())!;
        var names = statement["Resource"]!.AsArray().Select(r => SecretNameOf(resources, r!)).Order(StringComparer.Ordinal);

        Assert.Equal(["dqe/dev/observability/alert-receivers", "dqe/dev/observability/grafana-admin", "dqe/dev/observability/opensearch-master", "dqe/dev/observability/remediation-token"], names);
    }

    [Theory]
    [InlineData("0.10")]
    [InlineData("latest")]
    [InlineData("~0.10.7")]
    public void Config_UnpinnedChartVersion_ClearErrorNothingSynthesized(string version)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", ctx => ctx["dqe:defaults"]!["cluster"]!["externalSecretsChartVersion"] = version));

        Assert.Contains($"cluster.externalSecretsChartVersion = '{version}' must be an exact chart version", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("engines", "externalSecretsChartVersion")]
    [InlineData("observability.charts", "externalSecrets")]
    public void Config_RetiredPerStackVersionKey_IsAnError(string section, string key)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", ctx =>
        {
            var node = section.Split('.').Aggregate((JsonNode)ctx["dqe:defaults"]!, (n, part) => n[part]!);
            node[key] = "0.10.7";
        }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Name, Amazon.CDK.Stack Stack, Template Template)> StacksOf(SynthesizedEnv synth) =>
    [
        ("Platform", synth.Stacks.Platform, synth.Platform),
        ("Engines", synth.Stacks.Engines, synth.Engines),
        ("Observability", synth.Stacks.Observability, synth.Observability),
        ("Automation", synth.Stacks.Automation, synth.Automation),
    ];

    /// <summary>Logical ids of the manifests that apply <paramref name="obj"/> (same kind, name and namespace).</summary>
    private static IEnumerable<string> ManifestsApplying(EngineResources resources, JsonObject obj) =>
        resources.Resources
            .Where(r => (string?)r.Value!["Type"] == "Custom::AWSCDK-EKS-KubernetesResource"
                && JsonNode.Parse(EngineResources.Flatten(r.Value!["Properties"]!["Manifest"]!))!.AsArray().Any(d =>
                    (string?)d!["kind"] == (string?)obj["kind"]
                    && (string?)d["metadata"]!["name"] == (string?)obj["metadata"]!["name"]
                    && (string?)d["metadata"]!["namespace"] == (string?)obj["metadata"]!["namespace"]))
            .Select(r => r.Key);

    /// <summary>The policy a consumer stack attaches to the imported operator role (construct id DqeSecretsOperatorRole/Policy).</summary>
    private static string GrantPolicyId(EngineResources resources) =>
        Assert.Single(resources.Resources, r => (string?)r.Value!["Type"] == "AWS::IAM::Policy"
            && r.Key.StartsWith(SecretsOperator.ImportedRoleId + "Policy", StringComparison.Ordinal)).Key;

    private static string OperatorRoleId(EngineResources platform)
    {
        var condition = Assert.Single(platform.Resources, r => (string?)r.Value!["Type"] == "Custom::AWSCDKCfnJson"
            && r.Value!["Properties"]!.ToJsonString().Contains(Subject, StringComparison.Ordinal)).Key;
        return Assert.Single(platform.Resources, r => (string?)r.Value!["Type"] == "AWS::IAM::Role"
            && r.Value!["Properties"]!["AssumeRolePolicyDocument"]!.ToJsonString().Contains($"\"{condition}\"", StringComparison.Ordinal)).Key;
    }

    /// <summary>The secret name an IAM resource names: a Ref to a secret of the stack, or an ARN built around tokens.</summary>
    private static string SecretNameOf(EngineResources resources, JsonNode arn)
    {
        Assert.NotEqual("*", arn is JsonValue v ? v.GetValue<string>() : null);
        if (arn["Ref"] is { } reference)
        {
            var secret = resources.Resources[(string)reference!]!;
            Assert.Equal("AWS::SecretsManager::Secret", (string?)secret["Type"]);
            return (string)secret["Properties"]!["Name"]!;
        }

        var flat = EngineResources.Flatten(arn);
        var marker = flat.IndexOf(":secret:", StringComparison.Ordinal);
        Assert.True(marker >= 0, $"not a Secrets Manager secret ARN: {flat}");
        return flat[(marker + ":secret:".Length)..];
    }
}
