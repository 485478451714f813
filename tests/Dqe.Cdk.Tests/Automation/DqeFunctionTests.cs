using Amazon.CDK.Assertions;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Automation;

public sealed class DqeFunctionTests
{
    [Theory]
    [InlineData("dev", 7)]
    [InlineData("prod", 365)]
    public void Canary_PerEnvironment_RunsAotBootstrapWithTracingLimitsAndRetention(string env, int retentionDays)
    {
        var template = Synth.Env(env).Automation;
        var defaults = Synth.Env(env).Config.Automation.FunctionDefaults;

        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Runtime"] = "provided.al2023",
            ["Architectures"] = new[] { "x86_64" },
            ["Handler"] = "dqe.ping",
            ["MemorySize"] = defaults.MemoryMb,
            ["Timeout"] = defaults.TimeoutSeconds,
            ["ReservedConcurrentExecutions"] = defaults.ReservedConcurrency,
            ["TracingConfig"] = new Dictionary<string, object> { ["Mode"] = "Active" },
            ["LoggingConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["LogFormat"] = "JSON" }),
            ["VpcConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["SubnetIds"] = Match.AnyValue() }),
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = new Dictionary<string, object> { ["DQE_ENV"] = env, ["DQE_HANDLER"] = "dqe.ping" },
            },
        }));
        template.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object> { ["RetentionInDays"] = retentionDays });
    }

    private static readonly string[] StateMachineLogDelivery =
    [
        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
        "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
    ];

    [Fact]
    public void Role_Always_WritesOnlyItsOwnLogGroup()
    {
        var template = Synth.Env("prod").Automation;

        var roles = TemplateJson.Resources(template, "AWS::IAM::Role").Select(r => r.Resource["Properties"]!).ToList();
        var managed = roles.SelectMany(r => r["ManagedPolicyArns"]?.AsArray() ?? []).Select(a => a!.ToJsonString()).ToList();
        Assert.DoesNotContain(managed, a => a.Contains("AWSLambdaBasicExecutionRole", StringComparison.Ordinal));

        var logStatements = TemplateJson.PolicyStatements(template)
            .Select(s => s.Statement)
            .Where(s => TemplateJson.Strings(s["Action"]).Any(a => a.StartsWith("logs:", StringComparison.Ordinal)))
            // State machine roles need log *delivery* actions on "*" (AWS documents no narrower resource); they write no log group.
            .Where(s => !TemplateJson.Strings(s["Action"]).Where(a => a.StartsWith("logs:", StringComparison.Ordinal)).All(StateMachineLogDelivery.Contains))
            .ToList();
        Assert.NotEmpty(logStatements);
        Assert.All(logStatements, s => Assert.DoesNotContain("*", TemplateJson.Strings(s["Resource"])));
    }

    [Fact]
    public void Sizing_OverriddenPerHandler_WinsOverDefaults()
    {
        var template = Synth.Fresh("staging", ctx => ctx["dqe:environments"]!["staging"]!["automation"] =
            System.Text.Json.Nodes.JsonNode.Parse("""{ "functions": { "dqe.ping": { "memoryMb": 256, "timeoutSeconds": 10, "reservedConcurrency": 2 } } }""")).Automation;

        template.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Handler"] = "dqe.ping",
            ["MemorySize"] = 256,
            ["Timeout"] = 10,
            ["ReservedConcurrentExecutions"] = 2,
        }));
    }

    [Theory]
    [InlineData("automation.functionDefaults.memoryMb", "64", "automation.functionDefaults.memoryMb = 64 must be 128-10240")]
    [InlineData("automation.functionDefaults.timeoutSeconds", "901", "automation.functionDefaults.timeoutSeconds = 901 must be 1-900")]
    public void Config_OutOfRangeSizing_NamesKeyAndRange(string key, string json, string expected)
    {
        var parts = key.Split('.');
        var error = Assert.Throws<Dqe.Cdk.Config.ConfigException>(() => Synth.Config("dev", ctx =>
        {
            var node = ctx["dqe:defaults"]!.AsObject();
            foreach (var part in parts[..^1])
            {
                node = node[part]!.AsObject();
            }

            node[parts[^1]] = System.Text.Json.Nodes.JsonNode.Parse(json);
        }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
