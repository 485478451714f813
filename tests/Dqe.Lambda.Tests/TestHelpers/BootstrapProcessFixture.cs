using Dqe.Core.Hosting.Emulator;

namespace Dqe.Lambda.Tests.TestHelpers;

/// <summary>
/// One real <c>bootstrap</c> process (the JIT build in the test output, run by dotnet) serving
/// <c>dqe.ping</c> against an emulator, shared by a test class. The AOT binary gets the same treatment
/// in the host benchmark, where building it once is affordable.
/// </summary>
public sealed class BootstrapProcessFixture : IAsyncLifetime
{
    public RuntimeApiEmulator Emulator { get; private set; } = null!;

    public HostProcess Process { get; private set; } = null!;

    public static string BootstrapDll => Path.Combine(AppContext.BaseDirectory, "bootstrap.dll");

    public Task InitializeAsync()
    {
        Emulator = RuntimeApiEmulator.Start();
        Process = HostProcess.Start(HostCommand.Jit(BootstrapDll), Emulator.Address, "dqe.ping");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Process.Dispose();
        await Emulator.DisposeAsync();
    }
}
