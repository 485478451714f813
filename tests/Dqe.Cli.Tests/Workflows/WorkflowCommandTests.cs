using System.Text.Json.Nodes;
using Dqe.Cli.Tests.TestHelpers;

namespace Dqe.Cli.Tests.Workflows;

/// <summary>`dqe workflow run` over a cloud assembly whose canary state machine calls the real dqe.ping handler.</summary>
public sealed class WorkflowCommandTests
{
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "assets", "workflow.out");

    [Fact]
    public async Task Run_Canary_RunsTheRealHandlerAndPrintsTransitionsAndOutput()
    {
        var input = await InputFileAsync("""{"note":"hello"}""");

        var result = await CliRunner.RunAsync("workflow", "run", "canary", "--env", "test", "--assembly", Assembly, "--input", input);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("hello", JsonNode.Parse(result.Stdout)!["ping"]!["note"]!.GetValue<string>());
        Assert.Matches(@"Ping\s+Task\s+\d+ ms\s+ok", result.Stderr);
        Assert.Contains("SUCCEEDED after 2 transitions", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_HandlerThrows_TakesTheFailurePathAndExitsOne()
    {
        var input = await InputFileAsync("""{"fail":true}""");

        var result = await CliRunner.RunAsync("workflow", "run", "canary", "--env", "test", "--assembly", Assembly, "--input", input);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAILED after 2 transitions: Dqe.CanaryFailed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FailAt_InjectsFailureIntoTheNamedState()
    {
        var result = await CliRunner.RunAsync("workflow", "run", "canary", "--env", "test", "--assembly", Assembly, "--fail-at", "Ping");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FAILED Dqe.InjectedFailure", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("caught -> failure path", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nope", "no state machine 'dqe-test-nope'")]
    [InlineData("canary --fail-at Nope", "--fail-at 'Nope' is not a Task state of dqe-test-canary; Task states: Ping")]
    public async Task Run_BadArguments_OneClearErrorExitTwo(string arguments, string expected)
    {
        var result = await CliRunner.RunAsync(["workflow", "run", .. arguments.Split(' '), "--env", "test", "--assembly", Assembly]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_DryRun_PrintsRoutesAndRunsNothing()
    {
        var result = await CliRunner.RunAsync("workflow", "run", "canary", "--env", "test", "--assembly", Assembly, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Ping\s+handler dqe\.ping", result.Stdout);
        Assert.DoesNotContain("NOT REGISTERED", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("transitions", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task<string> InputFileAsync(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dqe-input-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        return path;
    }
}
