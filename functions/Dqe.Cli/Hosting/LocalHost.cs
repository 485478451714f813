using Dqe.Core.Hosting;

namespace Dqe.Cli.Hosting;

/// <summary>The handler services for running handlers on a workstation: real clock, process environment.</summary>
internal static class LocalHost
{
    public static HostServices Services()
    {
        return HostServices.ForEnvironment(new ProcessEnvironment(), TimeProvider.System);
    }
}
