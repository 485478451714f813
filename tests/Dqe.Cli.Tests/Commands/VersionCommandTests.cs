using Dqe.Cli.Tests.TestHelpers;
using Dqe.Core;

namespace Dqe.Cli.Tests.Commands;

public sealed class VersionCommandTests
{
    [Fact]
    public async Task Version_Invoked_PrintsProductVersionAndExitsZero()
    {
        var result = await CliRunner.RunAsync("version");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"dqe {DqeVersion.Current} (", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("0.1.0", DqeVersion.Current);
    }

    [Fact]
    public async Task SynthSummary_MissingAssembly_PrintsOneErrorLineAndExitsOne()
    {
        var result = await CliRunner.RunAsync("synth-summary", "/nonexistent/cdk.out");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("dqe: no cloud assembly at '/nonexistent/cdk.out'", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Help_Invoked_ListsTheVerbs()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("version", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("synth-summary", result.Stdout, StringComparison.Ordinal);
    }
}
