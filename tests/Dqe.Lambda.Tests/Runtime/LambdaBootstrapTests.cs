using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Emulator;
using Dqe.Core.Tests.TestHelpers;
using Dqe.Lambda.Runtime;
using Dqe.Lambda.Tests.TestHelpers;

namespace Dqe.Lambda.Tests.Runtime;

public class LambdaBootstrapTests
{
    [Theory]
    [InlineData("_HANDLER", "dqe.nope", ErrorTypes.UnknownHandler, "_HANDLER 'dqe.nope' is not a Dqe handler; known: dqe.ping")]
    [InlineData("_HANDLER", "", ErrorTypes.InvalidConfig, "_HANDLER is not set")]
    [InlineData("DQE_LOG_LEVEL", "loud", ErrorTypes.InvalidConfig, "DQE_LOG_LEVEL must be debug, info, warn or error")]
    [InlineData("DQE_DEADLINE_MARGIN_MS", "-5", ErrorTypes.InvalidConfig, "DQE_DEADLINE_MARGIN_MS must be 0..10000")]
    public async Task RunAsync_BadConfiguration_InitErrorPostedAndExitCodeOne(string variable, string value, string errorType, string message)
    {
        await using var emulator = RuntimeApiEmulator.Start();
        var environment = Environment(emulator);
        environment.Set(variable, value);
        using var output = new StringWriter();

        var exitCode = await LambdaBootstrap.RunAsync(environment, output, TimeProvider.System, null, CancellationToken.None);

        Assert.Equal(LambdaBootstrap.InitFailedExitCode, exitCode);
        var body = ErrorDocumentAssert.IsError(await emulator.InitError, errorType, EmulatedOutcomeKind.InitError);
        Assert.StartsWith(message, body.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, emulator.NextRequests);
        Assert.Contains(errorType, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoRuntimeApiAddress_ExitCodeOneWithAnErrorLog()
    {
        using var output = new StringWriter();

        var exitCode = await LambdaBootstrap.RunAsync(new FakeEnvironment(("_HANDLER", "dqe.ping")), output, TimeProvider.System, null, CancellationToken.None);

        Assert.Equal(LambdaBootstrap.InitFailedExitCode, exitCode);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API must be host:port", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ValidConfiguration_ServesUntilTheRuntimeApiGoesAway()
    {
        var emulator = RuntimeApiEmulator.Start();
        using var output = new StringWriter();
        var run = LambdaBootstrap.RunAsync(Environment(emulator), output, TimeProvider.System, null, CancellationToken.None);

        var outcome = await emulator.InvokeAsync("""{"note":"x"}""", CancellationToken.None);
        await emulator.DisposeAsync();

        Assert.Equal(EmulatedOutcomeKind.Response, outcome.Kind);
        Assert.Equal(LambdaBootstrap.RuntimeApiFailedExitCode, await run);
    }

    private static FakeEnvironment Environment(RuntimeApiEmulator emulator) =>
        new(("AWS_LAMBDA_RUNTIME_API", emulator.Address), ("_HANDLER", "dqe.ping"), ("AWS_LAMBDA_FUNCTION_NAME", "dqe-test"));
}
