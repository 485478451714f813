using System.Text.Json.Nodes;
using Dqe.Cdk.Engines;
using Dqe.Cdk.Tests.TestHelpers;
using Dqe.Core.Hosting;
using Dqe.Core.Kubernetes;

namespace Dqe.Cdk.Tests.Automation;

public sealed class FunctionAccessTests
{
    private static (string Id, JsonObject Properties) Function(string handler) =>
        TemplateJson.Resources(Synth.Env("dev").Automation, "AWS::Lambda::Function")
            .Select(r => (r.Id, Properties: r.Resource["Properties"]!.AsObject()))
            .Single(r => r.Properties["Handler"]!.GetValue<string>() == handler);

    private static JsonObject Variables(string handler) => Function(handler).Properties["Environment"]!["Variables"]!.AsObject();

    private static string RoleId(string handler) => Function(handler).Properties["Role"]!["Fn::GetAtt"]![0]!.GetValue<string>();

    [Theory]
    [InlineData("dqe.chaos.inject")]
    [InlineData("dqe.chaos.sweep")]
    [InlineData("dqe.dr-drill")]
    public void KubernetesHandler_Deployed_HasClusterEnvironmentAndAnAccessEntryForItsOwnRoleInTheAutomationGroup(string handler)
    {
        var variables = Variables(handler);
        Assert.Contains(EksClusterSettings.ClusterNameVariable, variables.Select(v => v.Key));
        Assert.Contains(EksClusterSettings.EndpointVariable, variables.Select(v => v.Key));
        Assert.Contains(EksClusterSettings.CaDataVariable, variables.Select(v => v.Key));

        var entries = TemplateJson.ResourceObjects(Synth.Env("dev").Automation, "AWS::EKS::AccessEntry")
            .Select(e => e["Properties"]!)
            .Where(p => p["PrincipalArn"]!["Fn::GetAtt"]![0]!.GetValue<string>() == RoleId(handler))
            .ToList();
        var entry = Assert.Single(entries);
        Assert.Equal([AutomationAccess.Group], TemplateJson.Strings(entry["KubernetesGroups"]));
        // No EKS access policy (e.g. AmazonEKSClusterAdminPolicy): the group's RBAC is all the function gets.
        Assert.Null(entry["AccessPolicies"]);
    }

    [Theory]
    [InlineData("dqe.ping")]
    [InlineData("dqe.bench.aggregate")]
    [InlineData("dqe.chaos.report")]
    public void HandlerWithoutKubernetesNeed_Deployed_HasNoClusterAccess(string handler)
    {
        Assert.DoesNotContain(EksClusterSettings.EndpointVariable, Variables(handler).Select(v => v.Key));
        var principals = TemplateJson.ResourceObjects(Synth.Env("dev").Automation, "AWS::EKS::AccessEntry")
            .Select(e => e["Properties"]!["PrincipalArn"]!.ToJsonString());
        Assert.DoesNotContain(principals, p => p.Contains(RoleId(handler), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dqe.bench.run-query")]
    [InlineData("dqe.backup")]
    [InlineData("dqe.dr-drill")]
    public void EnginesHandler_Deployed_GetsPrivateEndpointsAndSecretArnsNeverSecretValues(string handler)
    {
        var variables = Variables(handler);
        var endpoints = EngineEndpoints.For("dev");
        Assert.Equal(endpoints.TrinoUrl, variables[FunctionVariables.TrinoUrl]!.GetValue<string>());
        Assert.Equal(endpoints.ClickHouseUrl, variables[FunctionVariables.ClickHouseUrl]!.GetValue<string>());
        // Cross-stack references to the Engines stack's secrets: ARNs at deploy time, never a literal password.
        Assert.Contains("Fn::ImportValue", variables[FunctionVariables.TrinoSecretArn]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Fn::ImportValue", variables[FunctionVariables.ClickHouseSecretArn]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(variables, v => v.Key.Contains("PASSWORD", StringComparison.Ordinal) || v.Key.Contains("TOKEN", StringComparison.Ordinal));
    }

    [Fact]
    public void SecretRead_Always_OnlyForHandlersThatQueryTheEngines()
    {
        var template = Synth.Env("dev").Automation;
        var readers = TemplateJson.PolicyStatements(template)
            .Where(s => TemplateJson.Strings(s.Statement["Action"]).Contains("secretsmanager:GetSecretValue"))
            .Select(s => s.Id)
            .ToHashSet();
        var policiesOfRole = TemplateJson.Resources(template, "AWS::IAM::Policy")
            .ToDictionary(p => p.Id, p => TemplateJson.Strings(p.Resource["Properties"]!["Roles"]).Single());

        var readingRoles = readers.Select(id => policiesOfRole[id]).ToHashSet();
        Assert.Contains(readingRoles, r => r.Contains(RoleId("dqe.bench.run-query"), StringComparison.Ordinal));
        Assert.DoesNotContain(readingRoles, r => r.Contains(RoleId("dqe.bench.aggregate"), StringComparison.Ordinal));
        Assert.DoesNotContain(readingRoles, r => r.Contains(RoleId("dqe.chaos.inject"), StringComparison.Ordinal));
        Assert.All(TemplateJson.PolicyStatements(template)
            .Where(s => TemplateJson.Strings(s.Statement["Action"]).Contains("secretsmanager:GetSecretValue")),
            s => Assert.DoesNotContain("*", TemplateJson.Strings(s.Statement["Resource"])));
    }

    [Theory]
    [InlineData("dqe.chaos.inject")]
    [InlineData("dqe.bench.run-query")]
    public void ReachingHandler_Deployed_IsInTheAutomationSecurityGroup(string handler)
    {
        var groups = Function(handler).Properties["VpcConfig"]!["SecurityGroupIds"]!.ToJsonString();
        Assert.Contains("AutomationClientSecurityGroup", groups, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dqe.chaos.validate")]
    [InlineData("dqe.chaos.observe")]
    [InlineData("dqe.chaos.verify")]
    [InlineData("dqe.remediation.verify")]
    public void MetricsHandler_Deployed_ReachesPrometheusThroughTheApiServerProxyOnly(string handler)
    {
        var variables = Variables(handler);

        Assert.Equal("monitoring/http:kube-prometheus-stack-prometheus:9090", (string?)variables[FunctionVariables.PrometheusService]);
        // No direct URL: a ClusterIP service does not resolve from the functions' subnets.
        Assert.False(variables.ContainsKey(FunctionVariables.PrometheusUrl));
        Assert.Contains(EksClusterSettings.EndpointVariable, variables.Select(v => v.Key));
        Assert.Single(TemplateJson.ResourceObjects(Synth.Env("dev").Automation, "AWS::EKS::AccessEntry"),
            e => e["Properties"]!["PrincipalArn"]!["Fn::GetAtt"]![0]!.GetValue<string>() == RoleId(handler));
    }

    [Theory]
    [InlineData("dqe.chaos.inject")]
    [InlineData("dqe.chaos.report")]
    [InlineData("dqe.remediation.act")]
    [InlineData("dqe.remediation.escalate")]
    public void HandlerWithoutMetricsNeed_Deployed_HasNoPrometheusTarget(string handler)
    {
        Assert.False(Variables(handler).ContainsKey(FunctionVariables.PrometheusService));
    }

    [Theory]
    [InlineData("dqe.bench.run-query")]
    [InlineData("dqe.backup")]
    public void EnginesHandler_Deployed_ReadsTheAutomationSecretsAndDecryptsThroughSecretsManagerOnly(string handler)
    {
        var synth = Synth.Env("dev");
        var statements = TemplateJson.Resources(synth.Automation, "AWS::IAM::Policy")
            .Where(p => TemplateJson.Strings(p.Resource["Properties"]!["Roles"]).Single().Contains(RoleId(handler), StringComparison.Ordinal))
            .SelectMany(p => p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))
            .ToList();

        // The CA secret is read by name (a Fn::Join); the engines' own secrets are imported by ARN.
        var engineSecrets = statements
            .Where(s => TemplateJson.Strings(s["Action"]).Contains("secretsmanager:GetSecretValue"))
            .SelectMany(s => s["Resource"] is JsonArray many ? many.Select(r => r!) : [s["Resource"]!])
            .Where(r => r["Fn::ImportValue"] is not null)
            .Select(r => EngineSecrets.Imported(synth.Engines, r))
            .Order(StringComparer.Ordinal);
        var keyArn = $"{EngineSecrets.KeyId(synth.Engines, "dev")}.Arn";
        // Other keys (the lake's, for the backup handler) are imported too: only this key's statements count here.
        var kms = Assert.Single(statements, s => TemplateJson.Strings(s["Action"]).Any(a => a.StartsWith("kms:", StringComparison.Ordinal))
            && EngineSecrets.Imported(synth.Engines, s["Resource"]) == keyArn);

        Assert.Equal([EngineSecrets.IdOf(synth.Engines, "dqe/dev/clickhouse") + ".Ref", EngineSecrets.IdOf(synth.Engines, "dqe/dev/trino") + ".Ref"], engineSecrets);
        Assert.Equal(["kms:Decrypt"], TemplateJson.Strings(kms["Action"]));
        Assert.Equal("""{"StringEquals":{"kms:ViaService":"secretsmanager.eu-west-1.amazonaws.com"}}""", kms["Condition"]!.ToJsonString());
    }
}
