using System.Diagnostics;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests;

/// <summary>The CDK app as the cdk CLI runs it: a process given its context through CDK_CONTEXT_JSON.</summary>
public sealed class ProgramTests
{
    [Theory]
    [InlineData("no-such-env", "dqe: unknown environment 'no-such-env': valid environments are dev, dr, prod, staging")]
    [InlineData("prod", "dqe: env 'prod': nodeGroups.analytics.diskSizeGb = 9 must be 100-500")]
    public async Task Main_BadConfig_PrintsOneLineExitsNonZeroAndWritesNothing(string env, string expected)
    {
        var context = CdkContext.Load();
        context["env"] = env;
        context["dqe:environments"]!["prod"]!["nodeGroups"]!["analytics"]!["diskSizeGb"] = 9;

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
        var outdir = Directory.CreateTempSubdirectory("dqe-synth-");
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Dqe.Cdk.dll")])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                WorkingDirectory = CdkContext.RepositoryRoot,
                Environment =
                {
                    ["CDK_CONTEXT_JSON"] = context.ToJsonString(),
                    ["CDK_OUTDIR"] = outdir.FullName,
                    ["JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION"] = "1",
                    ["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20",
                },
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.Equal(1, process.ExitCode);
            Assert.Equal(expected, (await stderr).Trim());
            Assert.Empty((await stdout).Trim());
            Assert.Empty(outdir.EnumerateFileSystemInfos());
        }
        finally
        {
            outdir.Delete(recursive: true);
        }
    }
}
