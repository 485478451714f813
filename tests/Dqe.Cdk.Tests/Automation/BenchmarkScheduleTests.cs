using Amazon.CDK.Assertions;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Automation;

public class BenchmarkScheduleTests
{
    [Fact]
    public void Prod_NightlyRule_StartsBenchmarkStateMachineWithConfiguredInput()
    {
        var template = Synth.Env("prod").Automation;

        template.HasResourceProperties("AWS::Events::Rule", Match.ObjectLike(new Dictionary<string, object>
        {
            ["ScheduleExpression"] = "cron(0 2 * * ? *)",
            ["State"] = "ENABLED",
            ["Targets"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
            {
                // No server configured: the run goes to the engine's private endpoint, the name the functions resolve in the VPC.
                ["Input"] = Match.SerializedJson(Match.ObjectLike(new Dictionary<string, object>
                {
                    ["engine"] = "trino", ["suite"] = "tpch", ["scale"] = "sf1", ["server"] = Dqe.Cdk.Engines.EngineEndpoints.For("prod").TrinoUrl,
                })),
            })]),
        }));
    }

    [Fact]
    public void Prod_BenchFunctions_GetReportsBucketEnvironment()
    {
        var template = Synth.Env("prod").Automation;

        var functions = template.FindResources("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Handler"] = Match.StringLikeRegexp("^dqe\\.bench\\."),
                ["Environment"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Variables"] = Match.ObjectLike(new Dictionary<string, object> { ["DQE_REPORTS_BUCKET"] = Match.AnyValue() }),
                }),
            }),
        }));
        Assert.Equal(5, functions.Count);
    }

    [Theory]
    [InlineData("schedule", "\"every night\"", "automation.benchmark.schedule")]
    [InlineData("server", "\"http://plain:8080\"", "automation.benchmark.server = 'http://plain:8080' must be an https URL")]
    [InlineData("maxConcurrency", "0", "automation.benchmark.maxConcurrency")]
    public void Config_BadBenchmarkValue_ErrorNamesKey(string key, string json, string named)
    {
        var error = Assert.Throws<Dqe.Cdk.Config.ConfigException>(() => Synth.Config("dev", ctx =>
            ctx["dqe:defaults"]!["automation"]!["benchmark"]![key] = System.Text.Json.Nodes.JsonNode.Parse(json)));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
