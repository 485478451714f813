namespace Dqe.Core.Hosting.Emulator;

/// <summary>How to start a bootstrap: the AOT binary itself, or <c>dotnet bootstrap.dll</c> for the JIT build.</summary>
public sealed record HostCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public static HostCommand Native(string binary) => new(binary, []);

    /// <summary>A framework-dependent build, run by the same <c>dotnet</c> host as the caller when known.</summary>
    public static HostCommand Jit(string bootstrapDll) =>
        new(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet", [bootstrapDll]);

    /// <summary>A path ending in .dll runs JIT through dotnet; anything else is executed directly.</summary>
    public static HostCommand For(string path) =>
        path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? Jit(path) : Native(path);
}
