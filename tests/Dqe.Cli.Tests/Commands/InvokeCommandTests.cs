using System.Text.Json;
using Dqe.Cli.Tests.TestHelpers;

namespace Dqe.Cli.Tests.Commands;

public class InvokeCommandTests
{
    [Fact]
    public async Task Invoke_EventFile_PrintsTheHandlersResponseJson()
    {
        var run = await CliRunner.RunAsync("invoke", "dqe.ping", "--event", "assets/events/ping.json");

        Assert.Equal(0, run.ExitCode);
        var response = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("from a file", response.GetProperty("note").GetString());
        Assert.StartsWith("local-", response.GetProperty("requestId").GetString(), StringComparison.Ordinal);
        Assert.InRange(response.GetProperty("remainingMs").GetInt64(), 1, 30_000);
        Assert.Contains("\"level\":\"INFO\"", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("\"Namespace\":\"Dqe\"", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_MalformedEvent_ErrorDocumentNamingTheFieldAndExitCodeOne()
    {
        var run = await CliRunner.RunAsync("invoke", "dqe.ping", "--event", "assets/events/ping-malformed.json");

        Assert.Equal(1, run.ExitCode);
        var error = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("Function.InvalidRequest", error.GetProperty("errorType").GetString());
        Assert.Contains("'$.delayMs'", error.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "invoke", "dqe.nope", "--event", "assets/events/ping.json" }, "no handler 'dqe.nope'; known: dqe.ping")]
    [InlineData(new[] { "invoke", "dqe.ping", "--event", "assets/events/missing.json" }, "cannot read the event")]
    [InlineData(new[] { "invoke", "dqe.ping", "--event", "assets/events/ping.json", "--timeout", "0" }, "--timeout must be a positive number")]
    public async Task Invoke_BadUsage_ExitCodeTwoAndAClearMessage(string[] args, string message)
    {
        var run = await CliRunner.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }
}
