using System.Text.Json.Nodes;
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
        // prepare, run-query, aggregate, compare, report; prepare-lake and load-tables talk to engines only and get no bucket.
        Assert.Equal(5, functions.Count);
        var prepareLake = Assert.Single(template.FindResources("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object> { ["Handler"] = "dqe.bench.prepare-lake", ["Timeout"] = 900 }),
        })));
        Assert.DoesNotContain("DQE_REPORTS_BUCKET", System.Text.Json.JsonSerializer.Serialize(prepareLake.Value), StringComparison.Ordinal);
        var loadTables = Assert.Single(template.FindResources("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object> { ["Handler"] = "dqe.bench.load-tables", ["Timeout"] = 900 }),
        })));
        Assert.DoesNotContain("DQE_REPORTS_BUCKET", System.Text.Json.JsonSerializer.Serialize(loadTables.Value), StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_ClickHouseRun_OnlyEngineSetEverythingElseFromTheEnvironment()
    {
        var synth = Synth.Env("prod");

        var input = RuleInput(synth, "cron(0 4 * * ? *)");

        Assert.Equal("clickhouse", (string?)input["engine"]);
        Assert.Equal("tpch", (string?)input["suite"]);
        Assert.Equal("sf1", (string?)input["scale"]);
        Assert.Equal(Dqe.Cdk.Engines.EngineEndpoints.For("prod").ClickHouseUrl, (string?)input["server"]);
        var clickHouse = input["clickHouse"]!;
        Assert.Equal(synth.Config.Engines.ClickHouse.ClusterName, (string?)clickHouse["cluster"]);
        Assert.Equal("default", (string?)clickHouse["database"]);
        // The bucket is the platform stack's (imported across stacks), the region the environment's.
        Assert.Equal(EngineResources.Token, (string?)clickHouse["lakeBucket"]);
        Assert.Equal(synth.Config.Region, (string?)clickHouse["lakeRegion"]);
        Assert.Equal(Dqe.Cdk.Engines.EngineEndpoints.For("prod").TrinoUrl, (string?)clickHouse["lakeWriter"]!["server"]);
        Assert.Equal(Dqe.Workflows.Backup.LakeCatalog.DatabaseName("prod"), (string?)clickHouse["lakeWriter"]!["schema"]);
        Assert.Null(RuleInput(synth, "cron(0 2 * * ? *)")["clickHouse"]);
    }

    [Theory]
    [InlineData("gen_sf1", null, false)]
    [InlineData("sf10", "{\"writeLake\": false, \"database\": \"bench\", \"cluster\": \"other\"}", true)]
    public void Input_ClickHouseScale_LakeFieldsOnlyForLakeScalesAndWriterOnlyWhenAsked(string scale, string? block, bool lake)
    {
        var run = new Dqe.Cdk.Config.BenchmarkRunConfig
        {
            Engine = "clickhouse", Scale = scale,
            ClickHouse = block is null ? null : System.Text.Json.JsonSerializer.Deserialize<Dqe.Cdk.Config.BenchmarkClickHouseConfig>(block, Dqe.Cdk.Config.ContextJson.Config),
        };
        var targets = new Dqe.Cdk.Automation.BenchmarkTargets("https://trino:8443", "https://ch:8443", "dqe", "lake-bucket", "eu-west-1", "dqe_dev_lake");

        var input = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Dqe.Cdk.Automation.BenchmarkSchedules.Input(run, targets)))!;

        var clickHouse = input["clickHouse"]!;
        Assert.Equal(block is null ? "dqe" : "other", (string?)clickHouse["cluster"]);
        Assert.Equal(block is null ? "default" : "bench", (string?)clickHouse["database"]);
        Assert.Equal(lake ? "lake-bucket" : null, (string?)clickHouse["lakeBucket"]);
        Assert.Null(clickHouse["lakeWriter"]);
    }

    [Theory]
    [InlineData("engine", "\"clickhouse\"", "suite", "\"tpcds\"", "automation.benchmark.runs.nightly.suite = 'tpcds' must be tpch or clickbench for clickhouse")]
    [InlineData("engine", "\"clickhouse\"", "scale", "\"huge\"", "automation.benchmark.runs.nightly.scale = 'huge' is not a clickhouse/tpch scale")]
    [InlineData("engine", "\"trino\"", "clickHouse", "{}", "automation.benchmark.runs.nightly.clickHouse is for engine clickhouse, not trino")]
    [InlineData("engine", "\"clickhouse\"", "clickHouse", "{\"cluster\": \"Bad Name\"}", "automation.benchmark.runs.nightly.clickHouse.cluster = 'Bad Name' must be a lower-case identifier")]
    [InlineData("engine", "\"clickhouse\"", "clickHouse", "{\"lakeBucket\": \"elsewhere\"}", "automation.benchmark.runs.nightly.clickHouse.writeLake needs the platform lake")]
    [InlineData("engine", "\"clickhouse\"", "clickHouse", "{\"lakeRegion\": \"mars\"}", "automation.benchmark.runs.nightly.clickHouse.lakeRegion = 'mars' must be an AWS region")]
    [InlineData("engine", "\"clickhouse\"", "clickHouse", "{\"lakeTables\": true}", "automation.benchmark.runs.nightly.clickHouse.lakeTables")]
    [InlineData("engine", "\"clickhouse\"", "enabled", "true", "automation.benchmark.runs.nightly.enabled")]
    [InlineData("engine", "\"trino\"", "maxConcurrency", "40", "automation.benchmark.runs.nightly.maxConcurrency = 40 is above engines.trino.resourceGroups.benchmark.hardConcurrencyLimit")]
    public void Config_BadExtraRun_ErrorNamesTheRunKey(string key1, string json1, string key2, string json2, string named)
    {
        var error = Assert.Throws<Dqe.Cdk.Config.ConfigException>(() => Synth.Config("dev", ctx =>
            ctx["dqe:defaults"]!["automation"]!["benchmark"]!["runs"] = new JsonObject
            {
                ["nightly"] = new JsonObject { [key1] = JsonNode.Parse(json1), [key2] = JsonNode.Parse(json2) },
            }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Config_RunNamedDefault_Refused()
    {
        var error = Assert.Throws<Dqe.Cdk.Config.ConfigException>(() => Synth.Config("dev", ctx =>
            ctx["dqe:defaults"]!["automation"]!["benchmark"]!["runs"] = new JsonObject { ["default"] = new JsonObject() }));

        Assert.Contains("automation.benchmark.runs.default: a run name is lower-case letters, digits and '-' (not 'default')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_LakeScaleOnMinIo_RefusedWithTheGeneratedAlternative()
    {
        var error = Assert.Throws<Dqe.Cdk.Config.ConfigException>(() => Synth.Config("dev", ctx => ctx["dqe:defaults"]!["lake"]!["store"] = "minio"));

        Assert.Contains("automation.benchmark.runs.clickhouse-tpch.scale = 'sf1' loads from the lake with AWS S3 URLs, but lake.store = minio: use a generated scale (gen_sf1)", error.Message, StringComparison.Ordinal);
    }

    private static JsonNode RuleInput(SynthesizedEnv synth, string schedule)
    {
        var rule = Assert.Single(TemplateJson.ResourceObjects(synth.Automation, "AWS::Events::Rule"), r => (string?)r["Properties"]!["ScheduleExpression"] == schedule);
        return JsonNode.Parse(EngineResources.Flatten(rule["Properties"]!["Targets"]![0]!["Input"]!))!;
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
