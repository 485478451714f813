using System.Text.Json.Nodes;
using Dqe.Cdk.Automation;
using Rotation = Dqe.Cdk.Tests.Automation.SecretRotationTests;
using Dqe.Cdk.Observability;
using Dqe.Cdk.Tests.TestHelpers;
using Dqe.Core.Hosting;

namespace Dqe.Cdk.Tests.Observability;

/// <summary>
/// The Grafana admin secret as the rotation function's third engine: its schedule and RBAC in the Observability stack,
/// the function's staging rights on exactly that secret and the environment entries in the Automation stack, no cycle.
/// </summary>
public sealed class GrafanaRotationTests
{
    private static string FunctionId(SynthesizedEnv synth) =>
        TemplateJson.Resources(synth.Automation, "AWS::Lambda::Function")
            .Single(r => r.Resource["Properties"]!["Handler"]!.GetValue<string>() == SecretRotation.Handler).Id;

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Schedule_GrafanaAdminSecret_InObservabilityOnTheRotationFunctionNotOnDeploy(string env)
    {
        var synth = Synth.Env(env);
        var secretId = TemplateJson.Resources(synth.Observability, "AWS::SecretsManager::Secret")
            .Single(r => (string?)r.Resource["Properties"]!["Name"] == $"dqe/{env}/observability/grafana-admin").Id;

        var schedule = Assert.Single(TemplateJson.ResourceObjects(synth.Observability, "AWS::SecretsManager::RotationSchedule")).AsObject();

        var properties = schedule["Properties"]!;
        Assert.Equal(secretId, (string?)properties["SecretId"]!["Ref"]);
        Assert.Equal($"{FunctionId(synth)}.Arn", EngineSecrets.Imported(synth.Automation, properties["RotationLambdaARN"]));
        Assert.Equal($"rate({synth.Config.Security.RotationDays} days)", (string?)properties["RotationRules"]!["ScheduleExpression"]);
        Assert.False((bool)properties["RotateImmediatelyOnUpdate"]!);
        // Not rotated twice: the Automation stack schedules only the engines' secrets.
        Assert.DoesNotContain(TemplateJson.ResourceObjects(synth.Automation, "AWS::SecretsManager::RotationSchedule"),
            s => s["Properties"]!["SecretId"]!.ToJsonString().Contains("grafana", StringComparison.Ordinal));
    }

    [Fact]
    public void Stacks_NoCycle_AutomationImportsNothingFromObservability()
    {
        var synth = Synth.Env("dev");

        var automation = TemplateJson.Of(synth.Automation).ToJsonString();

        Assert.DoesNotContain("Observability", automation, StringComparison.Ordinal);
        Assert.Contains(synth.Stacks.Automation, synth.Stacks.Observability.Dependencies);
    }

    [Fact]
    public void Role_StagesTheGrafanaSecretByItsNameOnly()
    {
        var synth = Synth.Env("dev");
        var functionRole = (string)TemplateJson.Resources(synth.Automation, "AWS::Lambda::Function")
            .Single(r => r.Id == FunctionId(synth)).Resource["Properties"]!["Role"]!["Fn::GetAtt"]![0]!;
        var statements = TemplateJson.Resources(synth.Automation, "AWS::IAM::Policy")
            .Where(p => p.Resource["Properties"]!["Roles"]!.ToJsonString().Contains(functionRole, StringComparison.Ordinal))
            .SelectMany(p => p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()));

        var grafana = Assert.Single(statements, s => s["Resource"] is JsonArray resources && resources.Any(Rotation.IsGrafanaSecret));

        Assert.Equal(["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"],
            TemplateJson.Strings(grafana["Action"]).Order(StringComparer.Ordinal));
        var pattern = TemplateJson.Flatten(Assert.Single(grafana["Resource"]!.AsArray(), Rotation.IsGrafanaSecret));
        Assert.StartsWith("arn:", pattern, StringComparison.Ordinal);
        Assert.EndsWith(":secret:dqe/dev/observability/grafana-admin-??????", pattern, StringComparison.Ordinal);
        // The other resources are the engines stack's secrets (imports), never a wildcard.
        Assert.All(grafana["Resource"]!.AsArray().Where(r => !Rotation.IsGrafanaSecret(r)), r => Assert.NotNull(EngineSecrets.Imported(synth.Engines, r)));
        Assert.Null(grafana["Condition"]);
    }

    [Fact]
    public void Rbac_Monitoring_PatchTheExternalSecretAndDeploymentGetTheDeploymentAndSecretByName()
    {
        var synth = Synth.Env("dev");
        var objects = TemplateJson.KubernetesObjects(synth.Observability);

        var role = Assert.Single(objects, o => (string?)o["kind"] == "Role" && (string?)o["metadata"]!["name"] == "dqe-rotation");
        var binding = Assert.Single(objects, o => (string?)o["kind"] == "RoleBinding" && (string?)o["metadata"]!["name"] == "dqe-rotation");

        Assert.Equal("monitoring", (string?)role["metadata"]!["namespace"]);
        Assert.Equal(
            ["external-secrets.io/externalsecrets:dqe-grafana-admin:patch", "apps/deployments:kube-prometheus-stack-grafana:get,patch", "/secrets:dqe-grafana-admin:get"],
            role["rules"]!.AsArray().Select(Describe));
        Assert.Equal("monitoring", (string?)binding["metadata"]!["namespace"]);
        Assert.Equal("""[{"kind":"Group","name":"dqe-rotation","apiGroup":"rbac.authorization.k8s.io"}]""", binding["subjects"]!.ToJsonString());
        Assert.Equal("dqe-rotation", (string?)binding["roleRef"]!["name"]);
    }

    [Fact]
    public void Contract_FunctionEnvironmentNamesWhatTheChartAndTheSyncCreate()
    {
        var synth = Synth.Env("dev");
        var variables = TemplateJson.Resources(synth.Automation, "AWS::Lambda::Function").Single(r => r.Id == FunctionId(synth))
            .Resource["Properties"]!["Environment"]!["Variables"]!.AsObject();
        var grafana = TemplateJson.HelmValues(synth.Observability, "kube-prometheus-stack")["grafana"]!;

        Assert.Equal("monitoring/kube-prometheus-stack-grafana", (string?)variables[FunctionVariables.RotationGrafanaDeployment]);
        Assert.Equal("monitoring/dqe-grafana-admin:admin-password", (string?)variables[FunctionVariables.RotationGrafanaSecret]);
        // The Deployment's name is pinned in the values; the chart reads the password from the synced secret's key.
        Assert.Equal(ObservabilityNames.GrafanaDeployment, (string?)grafana["fullnameOverride"]);
        Assert.Equal(GrafanaRotation.PasswordKey, (string?)grafana["admin"]!["passwordKey"]);
        var sync = TemplateJson.KubernetesObject(synth.Observability, "ExternalSecret", ObservabilityNames.GrafanaAdminSecret);
        Assert.Equal("monitoring", (string?)sync["metadata"]!["namespace"]);
        Assert.Equal(ObservabilityNames.GrafanaAdminSecret, (string?)sync["spec"]!["target"]!["name"]);
        Assert.Contains(sync["spec"]!["data"]!.AsArray(), d => (string?)d!["secretKey"] == "admin-password" && (string?)d["remoteRef"]!["property"] == "password");
        // Without persistence Grafana sets the admin password at every start: the restart is what applies it.
        Assert.Null(grafana["persistence"]);
    }

    private static string Describe(JsonNode? rule) =>
        $"{(string)rule!["apiGroups"]![0]!}/{(string)rule["resources"]![0]!}:{string.Join(',', rule["resourceNames"]!.AsArray().Select(n => (string)n!))}:"
        + string.Join(',', rule["verbs"]!.AsArray().Select(v => (string)v!));
}
