using Dqe.Core.Hosting;
using Dqe.Core.Kubernetes;

namespace Dqe.Cli.Hosting;

/// <summary>The handler services for running handlers on a workstation: real clock, process environment.</summary>
internal static class LocalHost
{
    public static HostServices Services()
    {
        var environment = new ProcessEnvironment();
        return new HostServices(TimeProvider.System, environment, new EksKubernetesClientFactory(environment, new EnvironmentCredentialsSource(environment), TimeProvider.System));
    }
}
