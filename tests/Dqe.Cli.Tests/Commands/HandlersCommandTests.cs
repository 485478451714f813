using Dqe.Cli.Tests.TestHelpers;
using Dqe.Core.Hosting;

namespace Dqe.Cli.Tests.Commands;

public class HandlersCommandTests
{
    [Fact]
    public async Task Handlers_Registry_EveryHandlerListedWithItsShapes()
    {
        var run = await CliRunner.RunAsync("handlers");

        Assert.Equal(0, run.ExitCode);
        foreach (var registration in HandlerRegistry.All)
        {
            Assert.Contains(registration.Name + "\n", run.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("request:  { note: string?, delayMs: int, fail: bool }", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("response: { note: string, version: string, functionName: string, requestId: string, remainingMs: long }", run.Stdout, StringComparison.Ordinal);
        Assert.EndsWith($"{HandlerRegistry.All.Count} handler(s)\n", run.Stdout, StringComparison.Ordinal);
    }
}
