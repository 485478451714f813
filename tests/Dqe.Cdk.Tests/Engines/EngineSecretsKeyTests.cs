using System.Text.Json.Nodes;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

public sealed class EngineSecretsKeyTests
{
    private static JsonObject Key(SynthesizedEnv synth) =>
        TemplateJson.Of(synth.Engines)["Resources"]![EngineSecrets.KeyId(synth.Engines, synth.Config.Env)]!.AsObject();

    private static List<JsonObject> PolicyStatements(SynthesizedEnv synth) =>
        [.. Key(synth)["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray().Select(s => s!.AsObject())];

    private static bool IsAccountRoot(JsonNode? principal) =>
        principal?["AWS"]?.ToJsonString() == """{"Fn::Join":["",["arn:aws:iam::",{"Ref":"AWS::AccountId"},":root"]]}""";

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    [InlineData("dr")]
    public void Key_EveryEnvironment_CustomerKeyRotatedAndRetainedUnlessEphemeral(string env)
    {
        var synth = Synth.Env(env);

        var key = Key(synth);

        Assert.True((bool)key["Properties"]!["EnableKeyRotation"]!);
        Assert.Equal(synth.Config.Ephemeral ? "Delete" : "Retain", (string?)key["DeletionPolicy"]);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    [InlineData("dr")]
    public void Secrets_EveryEnvironment_EachEncryptedWithTheEngineSecretsKey(string env)
    {
        var synth = Synth.Env(env);
        var keyId = EngineSecrets.KeyId(synth.Engines, env);

        var secrets = TemplateJson.ResourceObjects(synth.Engines, "AWS::SecretsManager::Secret").Select(s => s["Properties"]!).ToList();

        Assert.Equal([$"dqe/{env}/clickhouse", $"dqe/{env}/trino", $"dqe/{env}/trino-internal"], secrets.Select(s => (string)s["Name"]!).Order(StringComparer.Ordinal));
        Assert.All(secrets, s => Assert.Equal($$"""{"Fn::GetAtt":["{{keyId}}","Arn"]}""", s["KmsKeyId"]?.ToJsonString()));
    }

    [Fact]
    public void Secrets_WithPeople_EachPersonsSecretEncryptedWithTheEngineSecretsKey()
    {
        var synth = UsersSynth.Env;
        var keyId = EngineSecrets.KeyId(synth.Engines, "dev");
        var resources = TemplateJson.Of(synth.Engines)["Resources"]!;

        foreach (var (name, _) in UsersSynth.People)
        {
            var secret = resources[EngineSecrets.IdOf(synth.Engines, $"dqe/dev/users/{name}")]!["Properties"]!;
            Assert.Equal($$"""{"Fn::GetAtt":["{{keyId}}","Arn"]}""", secret["KmsKeyId"]?.ToJsonString());
        }
    }

    [Theory]
    [InlineData("dev", "eu-west-1")]
    [InlineData("dr", "eu-central-1")]
    public void KeyPolicy_Always_DeniesEveryDataOperationThatDoesNotComeThroughSecretsManager(string env, string region)
    {
        var statements = PolicyStatements(Synth.Env(env));

        var deny = Assert.Single(statements, s => (string?)s["Effect"] == "Deny");

        Assert.Equal("""{"AWS":"*"}""", deny["Principal"]!.ToJsonString());
        Assert.Equal(["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"], TemplateJson.Strings(deny["Action"]).Order(StringComparer.Ordinal));
        Assert.Equal($$$"""{"StringNotEquals":{"kms:ViaService":"secretsmanager.{{{region}}}.amazonaws.com"}}""", deny["Condition"]!.ToJsonString());
    }

    [Fact]
    public void KeyPolicy_NamedReaders_OnlyTheSecretsOperatorAndTheAutomationRoleDecryptThroughSecretsManager()
    {
        var statements = PolicyStatements(Synth.Env("dev"));

        var named = statements.Where(s => (string?)s["Effect"] == "Allow" && !IsAccountRoot(s["Principal"])).ToList();

        var readers = Assert.Single(named);
        Assert.Equal(["kms:Decrypt"], TemplateJson.Strings(readers["Action"]));
        Assert.Equal("""{"StringEquals":{"kms:ViaService":"secretsmanager.eu-west-1.amazonaws.com"}}""", readers["Condition"]!.ToJsonString());
        var principals = readers["Principal"]!["AWS"]!.AsArray().Select(p => p!.ToJsonString()).ToList();
        Assert.Equal(2, principals.Count);
        Assert.Contains(principals, p => p.StartsWith("""{"Fn::GetAtt":["AutomationRole""", StringComparison.Ordinal));
        Assert.Contains(principals, p => p.Contains("""ExportsOutputRefSecretsOperatorRole""", StringComparison.Ordinal));
        // Besides them only the account (administration; IAM policies decide the rest): no statement opens the key to anyone.
        Assert.All(statements.Where(s => (string?)s["Effect"] == "Allow" && s != readers), s => Assert.True(IsAccountRoot(s["Principal"])));
    }
}
