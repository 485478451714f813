using System.Text.Json.Nodes;
using Dqe.Cdk.Config;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Delivery;

public sealed class PipelineConfigLoaderTests
{
    [Fact]
    public void Load_Configured_ReturnsEveryStageInOrderWithItsRegion()
    {
        var (pipeline, stages) = PipelineSynth.Load();

        Assert.Equal(["dev", "staging", "prod", "dr"], stages.Select(s => s.Env));
        Assert.Equal("eu-central-1", stages.Single(s => s.Env == "dr").Region);
        Assert.Equal(["prod"], pipeline.ApprovalBefore);
    }

    [Fact]
    public void Load_NoPipelineSection_SaysItIsOffUntilConfigured()
    {
        var error = Assert.Throws<ConfigException>(() => PipelineSynth.Load(_ => null));

        Assert.StartsWith("mode=pipeline but cdk.json has no 'dqe:pipeline' object", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("account", "12345", "account = '12345' must be the 12-digit AWS account id")]
    [InlineData("approvalBefore", "[\"qa\"]", "approvalBefore: 'qa' is not one of the stages (dev, staging, prod, dr)")]
    [InlineData("stages", "[\"dev\",\"dev\"]", "stages must list at least one environment, each once")]
    [InlineData("source", "{\"codeCommitRepository\":\"dqe\",\"connectionArn\":\"arn:aws:codeconnections:eu-west-1:111122223333:connection/0f7e3c9a-1b2d-4e5f-8a9b-0c1d2e3f4a5b\",\"repository\":\"dqe/dqe\"}", "source: set exactly one of connectionArn (with repository) and codeCommitRepository")]
    [InlineData("source", "{\"connectionArn\":\"arn:aws:iam::111122223333:role/x\",\"repository\":\"dqe/dqe\"}", "source.connectionArn = 'arn:aws:iam::111122223333:role/x' is not a CodeStar/CodeConnections connection ARN")]
    [InlineData("source", "{\"connectionArn\":\"arn:aws:codeconnections:eu-west-1:111122223333:connection/0f7e3c9a-1b2d-4e5f-8a9b-0c1d2e3f4a5b\"}", "source.repository = '' must be OWNER/NAME")]
    public void Load_BadSection_OneClearErrorNamingTheKey(string key, string json, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => PipelineSynth.Load(section =>
        {
            section[key] = JsonNode.Parse(json.StartsWith('[') || json.StartsWith('{') ? json : $"\"{json}\"");
            return section;
        }));

        Assert.StartsWith("dqe:pipeline: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKey_IsAnError()
    {
        var error = Assert.Throws<ConfigException>(() => PipelineSynth.Load(section =>
        {
            section["githubToken"] = "x";
            return section;
        }));

        Assert.Contains("githubToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_StageWithBadEnvironmentConfig_FailsWithThatEnvironmentsError()
    {
        var error = Assert.Throws<ConfigException>(() => PipelineSynth.Load(section =>
        {
            section["stages"] = new JsonArray("dev", "qa");
            section["approvalBefore"] = new JsonArray();
            return section;
        }));

        Assert.StartsWith("unknown environment 'qa'", error.Message, StringComparison.Ordinal);
    }
}
