using Dqe.Core.Hosting;

namespace Dqe.Cli.Hosting;

/// <summary>The handler services for running handlers on a workstation: real clock, process environment.</summary>
internal static class LocalHost
{
    public static HostServices Services() => Services(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>As <see cref="Services()"/>, with <paramref name="handlerEnvironment"/> seen by the handlers over the process environment.</summary>
    public static HostServices Services(IReadOnlyDictionary<string, string> handlerEnvironment)
    {
        return HostServices.ForEnvironment(new OverlayEnvironment(new ProcessEnvironment(), handlerEnvironment), TimeProvider.System);
    }
}
