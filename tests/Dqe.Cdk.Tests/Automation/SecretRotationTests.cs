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

    /// <summary>The role's statements, in the rotation function's own policies.</summary>
    private static List<JsonObject> RoleStatements(SynthesizedEnv synth)
    {
        var (_, function) = Function(synth);
        var roleId = (string)function["Role"]!["Fn::GetAtt"]![0]!;
        return [.. TemplateJson.Resources(synth.Automation, "AWS::IAM::Policy")
            .Where(p => p.Resource["Properties"]!["Roles"]!.ToJsonString().Contains(roleId, StringComparison.Ordinal))
            .SelectMany(p => p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))];
    }

    /// <summary>The Grafana admin secret's ARN pattern (it lives in the Observability stack; GrafanaRotationTests), which CDK merges into the staging statement.</summary>
    internal static bool IsGrafanaSecret(JsonNode? resource) =>
        TemplateJson.Flatten(resource).EndsWith("/observability/grafana-admin-??????", StringComparison.Ordinal);

    /// <summary>Engines-stack logical ids of the secrets that rotate: the two automation secrets, then each person's.</summary>
    private static List<string> RotatedSecretIds(SynthesizedEnv synth, IEnumerable<string> people) =>
        [.. new[] { $"dqe/{synth.Config.Env}/trino", $"dqe/{synth.Config.Env}/clickhouse" }.Concat(people.Select(p => $"dqe/{synth.Config.Env}/users/{p}"))
            .Select(name => EngineSecrets.IdOf(synth.Engines, name) + ".Ref")];

    [Fact]
    public void Schedules_AutomationSecretsAndEachPerson_RateFromConfigNotOnDeploy()
    {
        var synth = UsersSynth.Env;
        var (functionId, _) = Function(synth);

        var schedules = TemplateJson.ResourceObjects(synth.Automation, "AWS::SecretsManager::RotationSchedule").Select(s => s["Properties"]!).ToList();

        // The engines stack's secrets, by ARN (never a literal value): exactly Trino's, ClickHouse's and the people's.
        Assert.Equal(RotatedSecretIds(synth, UsersSynth.People.Select(p => p.Name)).Order(StringComparer.Ordinal),
            schedules.Select(s => EngineSecrets.Imported(synth.Engines, s["SecretId"])).Order(StringComparer.Ordinal));
        Assert.All(schedules, s =>
        {
            Assert.Equal($"rate({synth.Config.Security.RotationDays} days)", (string?)s["RotationRules"]!["ScheduleExpression"]);
            Assert.False((bool)s["RotateImmediatelyOnUpdate"]!);
            Assert.Equal(functionId, (string?)s["RotationLambdaARN"]!["Fn::GetAtt"]![0]);
        });
        Assert.Equal(30, synth.Config.Security.RotationDays);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    [InlineData("dr")]
    public void Rotation_EveryEnvironmentWithoutPeople_BothAutomationSecretsOnTheirOwnSyncs(string env)
    {
        var synth = Synth.Env(env);
        var (functionId, function) = Function(synth);
        var variables = function["Environment"]!["Variables"]!.AsObject();

        var schedules = TemplateJson.ResourceObjects(synth.Automation, "AWS::SecretsManager::RotationSchedule").Select(s => s["Properties"]!).ToList();

        Assert.Equal(RotatedSecretIds(synth, []).Order(StringComparer.Ordinal),
            schedules.Select(s => EngineSecrets.Imported(synth.Engines, s["SecretId"])).Order(StringComparer.Ordinal));
        Assert.All(schedules, s =>
        {
            Assert.Equal($"rate({synth.Config.Security.RotationDays} days)", (string?)s["RotationRules"]!["ScheduleExpression"]);
            Assert.False((bool)s["RotateImmediatelyOnUpdate"]!);
            Assert.Equal(functionId, (string?)s["RotationLambdaARN"]!["Fn::GetAtt"]![0]);
        });
        Assert.Equal("trino:trino/trino-password-authentication,clickhouse:clickhouse/clickhouse-credentials,grafana:monitoring/dqe-grafana-admin",
            (string?)variables[FunctionVariables.RotationExternalSecrets]);
        Assert.Equal($"dqe/{env}/trino=trino,dqe/{env}/clickhouse=clickhouse,dqe/{env}/observability/grafana-admin=grafana", (string?)variables[FunctionVariables.RotationSecretEngines]);
        Assert.Equal("clickhouse/dqe", (string?)variables[FunctionVariables.RotationClickHouseInstallation]);
        var staging = Assert.Single(RoleStatements(synth), s => TemplateJson.Strings(s["Action"]).Contains("secretsmanager:UpdateSecretVersionStage"));
        Assert.Equal(RotatedSecretIds(synth, []).Order(StringComparer.Ordinal),
            staging["Resource"]!.AsArray().Where(r => !IsGrafanaSecret(r)).Select(r => EngineSecrets.Imported(synth.Engines, r)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("dev", "eu-west-1")]
    [InlineData("dr", "eu-central-1")]
    public void Role_Key_DecryptAndGenerateDataKeyOnTheEngineSecretsKeyThroughSecretsManagerOnly(string env, string region)
    {
        var synth = Synth.Env(env);

        var kms = RoleStatements(synth).Where(s => TemplateJson.Strings(s["Action"]).Any(a => a.StartsWith("kms:", StringComparison.Ordinal))).ToList();

        var statement = Assert.Single(kms);
        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey"], TemplateJson.Strings(statement["Action"]).Order(StringComparer.Ordinal));
        Assert.Equal($"{EngineSecrets.KeyId(synth.Engines, env)}.Arn", EngineSecrets.Imported(synth.Engines, statement["Resource"]));
        Assert.Equal($$$"""{"StringEquals":{"kms:ViaService":"secretsmanager.{{{region}}}.amazonaws.com"}}""", statement["Condition"]!.ToJsonString());
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
    public void Role_StagesOnlyTheRotatedSecretsAndGeneratesPasswordsItself()
    {
        var synth = UsersSynth.Env;
        var statements = RoleStatements(synth);
        var secrets = statements.Where(s => TemplateJson.Strings(s["Action"]).Any(a => a.StartsWith("secretsmanager:", StringComparison.Ordinal))).ToList();

        var staging = Assert.Single(secrets, s => TemplateJson.Strings(s["Action"]).Contains("secretsmanager:UpdateSecretVersionStage"));
        Assert.Equal(["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"],
            TemplateJson.Strings(staging["Action"]).Order(StringComparer.Ordinal));
        Assert.Equal(RotatedSecretIds(synth, UsersSynth.People.Select(p => p.Name)).Order(StringComparer.Ordinal),
            staging["Resource"]!.AsArray().Where(r => !IsGrafanaSecret(r)).Select(r => EngineSecrets.Imported(synth.Engines, r)).Order(StringComparer.Ordinal));
        // Besides the staged secrets (Grafana's among them, by name), only the CA (read) is a secret of this role.
        var other = Assert.Single(secrets, s => s != staging);
        Assert.Equal(["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], TemplateJson.Strings(other["Action"]).Order(StringComparer.Ordinal));
        Assert.EndsWith(":secret:dqe/dev/engines-ca-??????", TemplateJson.Flatten(other["Resource"]), StringComparison.Ordinal);
        Assert.DoesNotContain(statements, s => TemplateJson.Strings(s["Action"]).Contains("secretsmanager:GetRandomPassword"));
        Assert.DoesNotContain(secrets, s => TemplateJson.Strings(s["Resource"]).Contains("*"));
    }

    [Fact]
    public void Function_Environment_SyncTargetsAndEnginesButNoAutomationSecret()
    {
        var synth = UsersSynth.Env;
        var (_, function) = Function(synth);
        var variables = function["Environment"]!["Variables"]!.AsObject();

        Assert.Equal("trino:trino/trino-password-authentication,clickhouse:clickhouse/clickhouse-users,clickhouse:clickhouse/clickhouse-credentials,grafana:monitoring/dqe-grafana-admin",
            (string?)variables[FunctionVariables.RotationExternalSecrets]);
        Assert.Equal("dqe/dev/trino=trino,dqe/dev/clickhouse=clickhouse,dqe/dev/observability/grafana-admin=grafana", (string?)variables[FunctionVariables.RotationSecretEngines]);
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
}
