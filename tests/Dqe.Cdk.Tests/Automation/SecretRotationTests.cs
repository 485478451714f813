using System.Text.Json.Nodes;
using Dqe.Cdk.Automation;
using Dqe.Cdk.Tests.TestHelpers;
using Dqe.Core.Hosting;

namespace Dqe.Cdk.Tests.Automation;

public sealed class SecretRotationTests
{
    private static (string Id, JsonObject Properties) Function(SynthesizedEnv synth) =>
        TemplateJson.Resources(synth.Automation, "AWS::Lambda::Function")
            .Select(r => (r.Id, Properties: r.Resource["Properties"]!.AsObject()))
            .Single(r => r.Properties["Handler"]!.GetValue<string>() == SecretRotation.Handler);

    [Fact]
    public void Schedules_OnePerPerson_RateFromConfigNotOnDeploy()
    {
        var synth = UsersSynth.Env;
        var (functionId, _) = Function(synth);

        var schedules = TemplateJson.ResourceObjects(synth.Automation, "AWS::SecretsManager::RotationSchedule").Select(s => s["Properties"]!).ToList();

        Assert.Equal(UsersSynth.People.Length, schedules.Count);
        Assert.All(schedules, s =>
        {
            Assert.Equal($"rate({synth.Config.Security.RotationDays} days)", (string?)s["RotationRules"]!["ScheduleExpression"]);
            Assert.False((bool)s["RotateImmediatelyOnUpdate"]!);
            Assert.Equal(functionId, (string?)s["RotationLambdaARN"]!["Fn::GetAtt"]![0]);
            // The person's secret from the engines stack, by ARN (never a literal value).
            Assert.NotNull(s["SecretId"]!["Fn::ImportValue"]);
        });
        Assert.Equal(30, synth.Config.Security.RotationDays);
    }

    [Fact]
    public void Permission_OnlySecretsManagerOfThisAccountMayInvoke()
    {
        var synth = UsersSynth.Env;
        var (functionId, _) = Function(synth);

        var permissions = TemplateJson.ResourceObjects(synth.Automation, "AWS::Lambda::Permission").Select(p => p["Properties"]!)
            .Where(p => p["FunctionName"]!.ToJsonString().Contains(functionId, StringComparison.Ordinal)).ToList();

        var permission = Assert.Single(permissions);
        Assert.Equal("secretsmanager.amazonaws.com", (string?)permission["Principal"]);
        Assert.Equal("lambda:InvokeFunction", (string?)permission["Action"]);
        Assert.Equal("""{"Ref":"AWS::AccountId"}""", permission["SourceAccount"]!.ToJsonString());
    }

    [Fact]
    public void Role_StagesOnlyThePeoplesSecretsAndGeneratesPasswordsItself()
    {
        var synth = UsersSynth.Env;
        var (_, function) = Function(synth);
        var roleId = (string)function["Role"]!["Fn::GetAtt"]![0]!;

        var statements = TemplateJson.PolicyStatements(synth.Automation)
            .Where(s => TemplateJson.Resources(synth.Automation, "AWS::IAM::Policy").Any(p => p.Id == s.Id && p.Resource["Properties"]!["Roles"]!.ToJsonString().Contains(roleId, StringComparison.Ordinal)))
            .Select(s => s.Statement).ToList();
        var secrets = statements.Where(s => TemplateJson.Strings(s["Action"]).Any(a => a.StartsWith("secretsmanager:", StringComparison.Ordinal))).ToList();

        var staging = Assert.Single(secrets, s => TemplateJson.Strings(s["Action"]).Contains("secretsmanager:UpdateSecretVersionStage"));
        Assert.Equal(["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"],
            TemplateJson.Strings(staging["Action"]).Order(StringComparer.Ordinal));
        Assert.Equal(UsersSynth.People.Length, staging["Resource"]!.AsArray().Count);
        Assert.All(staging["Resource"]!.AsArray(), r => Assert.NotNull(r!["Fn::ImportValue"]));
        Assert.DoesNotContain(statements, s => TemplateJson.Strings(s["Action"]).Contains("secretsmanager:GetRandomPassword"));
        Assert.DoesNotContain(secrets, s => TemplateJson.Strings(s["Resource"]).Contains("*"));
    }

    [Fact]
    public void Function_Environment_SyncTargetsAndEnginesButNoAutomationSecret()
    {
        var synth = UsersSynth.Env;
        var (_, function) = Function(synth);
        var variables = function["Environment"]!["Variables"]!.AsObject();

        Assert.Equal("trino/trino-password-authentication,clickhouse/clickhouse-users", (string?)variables[FunctionVariables.RotationExternalSecrets]);
        Assert.Equal("clickhouse/dqe", (string?)variables[FunctionVariables.RotationClickHouseInstallation]);
        Assert.Equal(synth.Config.Security.RotationVerifySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)variables[FunctionVariables.RotationVerifySeconds]);
        Assert.NotNull(variables[FunctionVariables.TrinoUrl]);
        Assert.NotNull(variables[FunctionVariables.EnginesCaSecret]);
        // With an automation secret the engine clients would log in as dqe, not as the rotated user.
        Assert.Null(variables[FunctionVariables.TrinoSecretArn]);
        Assert.Null(variables[FunctionVariables.ClickHouseSecretArn]);
        Assert.True((int)function["Timeout"]! >= synth.Config.Security.RotationVerifySeconds + 60);
        Assert.NotNull(function["VpcConfig"]);
    }

    [Fact]
    public void AccessEntry_RotationGroupOnly()
    {
        var synth = UsersSynth.Env;
        var (_, function) = Function(synth);
        var roleId = (string)function["Role"]!["Fn::GetAtt"]![0]!;

        var entry = Assert.Single(TemplateJson.ResourceObjects(synth.Automation, "AWS::EKS::AccessEntry").Select(e => e["Properties"]!),
            p => p["PrincipalArn"]!.ToJsonString().Contains(roleId, StringComparison.Ordinal));

        Assert.Equal(["dqe-rotation"], TemplateJson.Strings(entry["KubernetesGroups"]));
        Assert.Null(entry["AccessPolicies"]);
    }

    [Fact]
    public void NoPeople_NoRotationFunctionOrSchedule()
    {
        var automation = Synth.Env("dev").Automation;

        Assert.Empty(TemplateJson.ResourceObjects(automation, "AWS::SecretsManager::RotationSchedule"));
        Assert.DoesNotContain(TemplateJson.ResourceObjects(automation, "AWS::Lambda::Function"), f => (string?)f["Properties"]!["Handler"] == SecretRotation.Handler);
    }
}
