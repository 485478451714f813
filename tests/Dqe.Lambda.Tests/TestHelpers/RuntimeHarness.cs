using Dqe.Core.Hosting;
using Dqe.Core.Hosting.Emulator;
using Dqe.Core.Tests.TestHelpers;
using Dqe.Lambda.Runtime;

namespace Dqe.Lambda.Tests.TestHelpers;

/// <summary>The real runtime loop and Runtime API client, in-process, against a local emulator.</summary>
public sealed class RuntimeHarness : IAsyncDisposable
{
    private RuntimeHarness(RuntimeApiEmulator emulator)
    {
        Emulator = emulator;
        Time = new CountingTimeProvider(TimeProvider.System);
    }

    public RuntimeApiEmulator Emulator { get; }

    public CountingTimeProvider Time { get; }

    public FakeEnvironment Environment { get; } = new(("AWS_LAMBDA_FUNCTION_NAME", "dqe-test"));

    public CapturedOutput Output { get; } = new();

    public static RuntimeHarness Start() => new(RuntimeApiEmulator.Start());

    /// <summary>Runs the loop for exactly <paramref name="invocations"/> events (the returned task ends after the last post).</summary>
    internal Task RunAsync(int invocations, string handler = "dqe.ping")
    {
        var runner = new InvocationRunner(HandlerRegistry.Find(handler)!, HostFixtures.Services(Time, Environment), Output.Writer, new HostingOptions());
        var log = new Core.Hosting.Telemetry.JsonFunctionLog(Output.Writer, Time, new Core.Hosting.Telemetry.LogScope(handler));
        return Task.Run(async () =>
        {
            using var api = new RuntimeApiClient(Emulator.Address);
            await new LambdaRuntime(api, runner, Environment, log).RunAsync(invocations, CancellationToken.None);
        });
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
