using System.Text;
using System.Text.Json;
using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Emulator;
using Dqe.Lambda.Tests.TestHelpers;

namespace Dqe.Lambda.Tests.Runtime;

/// <summary>The real bootstrap executable, end to end through the Runtime API emulator.</summary>
public class BootstrapProcessTests : IClassFixture<BootstrapProcessFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private readonly BootstrapProcessFixture _host;

    public BootstrapProcessTests(BootstrapProcessFixture host)
    {
        _host = host;
    }

    [Fact]
    public async Task Invoke_Success_ResponseFromTheProcessAndJsonLogWithRequestId()
    {
        var outcome = await Invoke(new EmulatedInvocation("""{"note":"e2e"}"""u8.ToArray()) { RequestId = "e2e-ok" });

        Assert.Equal(EmulatedOutcomeKind.Response, outcome.Kind);
        Assert.Equal("e2e", JsonDocument.Parse(outcome.Body).RootElement.GetProperty("note").GetString());
        Assert.Equal("dqe-local", JsonDocument.Parse(outcome.Body).RootElement.GetProperty("functionName").GetString());
        Assert.Contains(_host.Process.OutputLines, l => l.Contains("\"requestId\":\"e2e-ok\"", StringComparison.Ordinal) && l.Contains("\"level\":\"INFO\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invoke_HandlerError_ErrorDocumentAndProcessKeepsServing()
    {
        var failed = await Invoke(new EmulatedInvocation("""{"fail":true}"""u8.ToArray()));
        var after = await Invoke(new EmulatedInvocation("{}"u8.ToArray()));

        ErrorDocumentAssert.IsError(failed, "Function.InvalidOperationException");
        Assert.Equal(EmulatedOutcomeKind.Response, after.Kind);
    }

    [Fact]
    public async Task Invoke_DeadlinePassed_TimeoutError()
    {
        var outcome = await Invoke(new EmulatedInvocation("""{"delayMs":600000}"""u8.ToArray()) { Deadline = DateTimeOffset.UtcNow.AddMilliseconds(50) });

        ErrorDocumentAssert.IsError(outcome, ErrorTypes.Timeout);
    }

    [Fact]
    public async Task Invoke_MalformedEvent_InvalidRequestNamingTheField()
    {
        var outcome = await Invoke(new EmulatedInvocation("""{"delayMs":[1]}"""u8.ToArray()));

        var body = ErrorDocumentAssert.IsError(outcome, ErrorTypes.InvalidRequest);
        Assert.Equal("invalid request field '$.delayMs': expected a value of type int", body.GetProperty("errorMessage").GetString());
        // The raw body too: messages are read in CloudWatch, so they must not arrive \u0027-escaped.
        Assert.Contains("field '$.delayMs'", outcome.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ManyInARow_EveryOneAnswered()
    {
        for (var i = 0; i < 100; i++)
        {
            var outcome = await Invoke(new EmulatedInvocation(Encoding.UTF8.GetBytes($$"""{"note":"{{i}}"}""")));
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonDocument.Parse(outcome.Body).RootElement.GetProperty("note").GetString());
        }
    }

    [Fact]
    public async Task Start_UnknownHandler_InitErrorPostedAndProcessExitsWithOne()
    {
        await using var emulator = RuntimeApiEmulator.Start();
        using var process = HostProcess.Start(HostCommand.Jit(BootstrapProcessFixture.BootstrapDll), emulator.Address, "dqe.missing");

        using var patience = new CancellationTokenSource(Patience);
        var initError = await emulator.InitError.WaitAsync(patience.Token);
        var exitCode = await process.WaitForExitAsync(patience.Token);

        ErrorDocumentAssert.IsError(initError, ErrorTypes.UnknownHandler, EmulatedOutcomeKind.InitError);
        Assert.Equal(1, exitCode);
    }

    private Task<EmulatedOutcome> Invoke(EmulatedInvocation invocation) =>
        _host.Emulator.InvokeAsync(invocation, CancellationToken.None).WaitAsync(Patience);
}
