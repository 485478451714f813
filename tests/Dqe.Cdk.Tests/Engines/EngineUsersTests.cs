using System.Text.Json.Nodes;
using Dqe.Cdk.Engines;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Engines;

public sealed class EngineUsersTests
{
    [Fact]
    public void Secrets_PerPerson_GeneratedUnderUsersPathWithNoValueInTheTemplate()
    {
        var resources = UsersSynth.Env.EngineResources;

        foreach (var (name, _) in UsersSynth.People)
        {
            var secret = resources.Resources.Select(r => r.Value!).Single(r =>
                (string?)r["Type"] == "AWS::SecretsManager::Secret" && (string?)r["Properties"]!["Name"] == $"dqe/dev/users/{name}")["Properties"]!;
            Assert.Equal($$"""{"user":"{{name}}"}""", (string?)secret["GenerateSecretString"]!["SecretStringTemplate"]);
            Assert.Equal("password", (string?)secret["GenerateSecretString"]!["GenerateStringKey"]);
            Assert.Null(secret["SecretString"]);
        }
    }

    [Fact]
    public void Secrets_PerPerson_TheSecretsOperatorMayReadEach()
    {
        var synth = UsersSynth.Env;
        var resources = synth.EngineResources.Resources;
        var ids = UsersSynth.People.Select(p => resources.Single(r =>
            (string?)r.Value!["Type"] == "AWS::SecretsManager::Secret" && (string?)r.Value!["Properties"]!["Name"] == $"dqe/dev/users/{p.Name}").Key).ToList();

        var readable = TemplateJson.PolicyStatements(synth.Engines)
            .Where(s => TemplateJson.Strings(s.Statement["Action"]).Contains("secretsmanager:GetSecretValue"))
            .SelectMany(s => s.Statement["Resource"] is JsonArray list ? list.Select(r => r!.ToJsonString()) : [s.Statement["Resource"]!.ToJsonString()])
            .ToList();

        Assert.All(ids, id => Assert.Contains($$"""{"Ref":"{{id}}"}""", readable));
    }

    [Theory]
    [InlineData("10.40.0.0/16", "10.40.0.0/255.255.0.0")]
    [InlineData("10.42.16.0/20", "10.42.16.0/255.255.240.0")]
    [InlineData("192.168.1.0/24", "192.168.1.0/255.255.255.0")]
    public void MaskForm_Cidr_NetworkWithDottedMask(string cidr, string expected) =>
        Assert.Equal(expected, Dqe.Cdk.Engines.ClickHouseUserSettings.MaskForm(cidr));

    [Fact]
    public void TrinoPasswordFile_AutomationAndEachPerson_OneBcryptLineWithTrinosPrefix()
    {
        var file = UsersSynth.Env.EngineResources.Object("ExternalSecret", "trino-password-authentication", "trino")["spec"]!;

        var lines = ((string)file["target"]!["template"]!["data"]!["password.db"]!).TrimEnd('\n').Split('\n');

        Assert.Equal(["dqe", "alice", "bob_b", "carol"], lines.Select(l => l.Split('"')[1]));
        Assert.All(lines, l => Assert.EndsWith("| replace \"$2a$\" \"$2y$\" }}", l, StringComparison.Ordinal));
        Assert.Equal("{{ htpasswd \"alice\" (index . \"password_alice\") | replace \"$2a$\" \"$2y$\" }}", lines[1]);
        Assert.Equal(["password_dqe", "password_alice", "password_bob_b", "password_carol"], file["data"]!.AsArray().Select(d => (string)d!["secretKey"]!));
        Assert.All(file["data"]!.AsArray(), d => Assert.Equal("password", (string?)d!["remoteRef"]!["property"]));
    }

    [Fact]
    public void TrinoAccessRules_PerRole_AdminsAllAnalystsReadEverythingReadonlyReadsTheLake()
    {
        var rules = AccessRules(UsersSynth.Env);

        Assert.Equal(
            ["(dqe|alice):.*:all", "(bob_b):.*:read-only", "(carol):(hive|tpch|tpcds|system):read-only"],
            rules["catalogs"]!.AsArray().Select(r => $"{r!["user"]}:{r["catalog"]}:{r["allow"]}"));
        var tables = rules["tables"]!.AsArray();
        Assert.Contains("OWNERSHIP", tables[0]!["privileges"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("(bob_b|carol)", (string?)tables[1]!["user"]);
        Assert.Equal(["SELECT"], tables[1]!["privileges"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(["execute"], rules["queries"]![1]!["allow"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("(dqe|alice|bob_b)", (string?)rules["system_session_properties"]![0]!["user"]);
        Assert.Equal("(dqe|alice)", (string?)rules["system_information"]![0]!["user"]);
    }

    [Fact]
    public void TrinoAccessRules_NoPeople_OnlyTheAutomationUserHasRules()
    {
        var rules = AccessRules(Synth.Env("dev"));

        Assert.Equal(["(dqe)"], rules["catalogs"]!.AsArray().Select(r => (string)r!["user"]!));
        Assert.Single(rules["tables"]!.AsArray());
        Assert.Single(rules["queries"]!.AsArray());
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void ClickHouseUsers_AutomationUser_OnlyFromTheVpc(string env)
    {
        var synth = Synth.Env(env);
        var users = synth.EngineResources.Object("ClickHouseInstallation", "dqe", "clickhouse")["spec"]!["configuration"]!["users"]!;

        var cidr = synth.Config.Network.Cidr;
        Assert.Equal([ClickHouseUserSettings.MaskForm(cidr)], users["dqe/networks/ip"]!.AsArray().Select(i => (string)i!));
        Assert.DoesNotContain("::/0", users.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ClickHouseUsers_PerPerson_HashFromSyncedSecretVpcOnlyProfileAndQuotaOfRole()
    {
        var synth = UsersSynth.Env;
        var configuration = synth.EngineResources.Object("ClickHouseInstallation", "dqe", "clickhouse")["spec"]!["configuration"]!;
        var users = configuration["users"]!;
        var quota = synth.Config.Engines.ClickHouse.Quota;

        Assert.Equal("clickhouse-users/alice", (string?)users["alice/k8s_secret_password_sha256_hex"]);
        Assert.Equal("10.40.0.0/16", synth.Config.Network.Cidr);
        Assert.Equal(["10.40.0.0/255.255.0.0"], users["carol/networks/ip"]!.AsArray().Select(i => (string)i!));
        Assert.Equal("dqe_analyst", (string?)users["bob_b/profile"]);
        Assert.Equal("dqe_readonly", (string?)users["carol/quota"]);
        Assert.Null(users["alice/password"]);
        Assert.Equal("clickhouse-credentials/password", (string?)users["dqe/k8s_secret_password"]);
        var profiles = configuration["profiles"]!;
        Assert.Equal(0, (int)profiles["dqe_admin/readonly"]!);
        Assert.Equal(2, (int)profiles["dqe_analyst/readonly"]!);
        Assert.Equal(1, (int)profiles["dqe_readonly/readonly"]!);
        Assert.All(["dqe_admin", "dqe_analyst", "dqe_readonly"], p => Assert.Equal("default", (string?)profiles[$"{p}/profile"]));
        Assert.Equal((long)synth.Config.Engines.ClickHouse.QueryLimits.MaxMemoryGib << 30, (long)profiles["dqe_analyst/constraints/max_memory_usage/max"]!);
        var quotas = configuration["quotas"]!;
        Assert.Equal(quota.Queries, (int)quotas["dqe_readonly/interval/queries"]!);
        Assert.Equal(quota.IntervalSeconds, (int)quotas["dqe_admin/interval/duration"]!);
        Assert.Equal(quota.ExecutionTimeSeconds, (int)quotas["dqe_analyst/interval/execution_time"]!);
    }

    [Fact]
    public void ClickHouseUsersSecret_Sha256OfEachPassword_AndTheInstallationWaitsForIt()
    {
        var resources = UsersSynth.Env.EngineResources;
        var sync = resources.Object("ExternalSecret", "clickhouse-users", "clickhouse")["spec"]!;

        Assert.Equal("{{ index . \"password_carol\" | sha256sum }}", (string?)sync["target"]!["template"]!["data"]!["carol"]);
        Assert.Equal(["password_alice", "password_bob_b", "password_carol"], sync["data"]!.AsArray().Select(d => (string)d!["secretKey"]!));
        var installation = resources.ManifestOf("ClickHouseInstallation", "dqe");
        Assert.Contains(resources.ManifestOf("ExternalSecret", "clickhouse-users"), resources.DependsOn(installation));
    }

    [Fact]
    public void RotationRbac_WithPeople_PatchOnlyTheRotatedExternalSecretsAndTheInstallation()
    {
        var resources = UsersSynth.Env.EngineResources;

        var trino = resources.Object("Role", "dqe-rotation", "trino")["rules"]!.AsArray();
        var clickHouse = resources.Object("Role", "dqe-rotation", "clickhouse")["rules"]!.AsArray();

        Assert.Equal(["externalsecrets:trino-password-authentication"], trino.Select(Describe));
        Assert.Equal(["externalsecrets:clickhouse-users,clickhouse-credentials", "clickhouseinstallations:dqe"], clickHouse.Select(Describe));
        Assert.All(trino.Concat(clickHouse), r => Assert.Equal(["patch"], r!["verbs"]!.AsArray().Select(v => (string)v!)));
        var binding = resources.Object("RoleBinding", "dqe-rotation", "clickhouse");
        Assert.Equal("dqe-rotation", (string?)binding["subjects"]![0]!["name"]);
        Assert.Equal("Group", (string?)binding["subjects"]![0]!["kind"]);
    }

    [Fact]
    public void RotationRbac_NoPeople_StillPatchesTheAutomationSyncsButNotThePeoplesHashes()
    {
        var resources = Synth.Env("dev").EngineResources;

        var trino = resources.Object("Role", "dqe-rotation", "trino")["rules"]!.AsArray();
        var clickHouse = resources.Object("Role", "dqe-rotation", "clickhouse")["rules"]!.AsArray();

        Assert.Equal(["externalsecrets:trino-password-authentication"], trino.Select(Describe));
        Assert.Equal(["externalsecrets:clickhouse-credentials", "clickhouseinstallations:dqe"], clickHouse.Select(Describe));
        Assert.All(trino.Concat(clickHouse), r => Assert.Equal(["patch"], r!["verbs"]!.AsArray().Select(v => (string)v!)));
        Assert.Equal("dqe-rotation", (string?)resources.Object("RoleBinding", "dqe-rotation", "trino")["subjects"]![0]!["name"]);
        // The ExternalSecret the automation password reaches ClickHouse through is the one the Role names.
        Assert.NotNull(resources.Object("ExternalSecret", "clickhouse-credentials", "clickhouse"));
    }

    private static string Describe(JsonNode? rule) =>
        $"{(string)rule!["resources"]![0]!}:{string.Join(',', rule["resourceNames"]!.AsArray().Select(n => (string)n!))}";

    private static JsonObject AccessRules(SynthesizedEnv synth)
    {
        var control = synth.EngineResources.Values("trino")["accessControl"]!;
        Assert.Equal("configmap", (string?)control["type"]);
        Assert.Equal("rules.json", (string?)control["configFile"]);
        return JsonNode.Parse((string)control["rules"]!["rules.json"]!)!.AsObject();
    }
}
