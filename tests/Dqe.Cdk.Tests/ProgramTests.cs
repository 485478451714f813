using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests;

/// <summary>The CDK app as the cdk CLI runs it: a process given its context through CDK_CONTEXT_JSON.</summary>
public sealed class ProgramTests
{
    [Theory]
    [InlineData("no-such-env", "dqe: unknown environment 'no-such-env': valid environments are dev, dr, prod, staging")]
    [InlineData("prod", "dqe: env 'prod': nodeGroups.analytics.diskSizeGb = 600 must be 100-500")]
    public async Task Main_BadConfig_PrintsOneLineExitsNonZeroAndWritesNothing(string env, string expected)
    {
        var context = CdkContext.Load();
        context["env"] = env;
        context["dqe:environments"]!["prod"]!["nodeGroups"]!["analytics"]!["diskSizeGb"] = 600;

        await AssertRejectedAsync(context, expected);
    }

    [Theory]
    [InlineData("pipeline", "dqe: mode=pipeline but cdk.json has no 'dqe:pipeline' object: the pipeline is off until it is configured (see README, Delivery)")]
    [InlineData("pipelines", "dqe: unknown mode 'pipelines': omit it (one environment, -c env=NAME) or pass -c mode=pipeline")]
    public async Task Main_BadMode_PrintsOneLineExitsNonZeroAndWritesNothing(string mode, string expected)
    {
        var context = CdkContext.Load();
        context["mode"] = mode;

        await AssertRejectedAsync(context, expected);
    }

    private static async Task AssertRejectedAsync(System.Text.Json.Nodes.JsonObject context, string expected)
    {
        var run = await CdkApp.SynthAsync(context);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(expected, run.Stderr);
        Assert.Empty(run.Stdout);
        Assert.True(run.WroteNothing);
    }
}
