using Dqe.Core.Engines;
using Dqe.Core.Kubernetes;
using Dqe.Core.Secrets;

namespace Dqe.Core.Hosting;

/// <summary>
/// What a handler may depend on; the registry passes it to each handler's factory. Everything here is
/// cheap to build and lazy (a Kubernetes client is only made, and a secret only read, when a handler asks).
/// </summary>
public sealed record HostServices(TimeProvider Time, IFunctionEnvironment Environment, IKubernetesClientFactory Kubernetes, ISecretStore Secrets)
{
    private static readonly HttpClient AwsHttp = new() { Timeout = TimeSpan.FromSeconds(10) };
    private EngineConnections? _engines;

    /// <summary>Trino and ClickHouse connections from the environment, made on first use and shared by every invocation of the process.</summary>
    public EngineConnections Engines => LazyInitializer.EnsureInitialized(ref _engines, () => new EngineConnections(Environment, Secrets, Time));

    /// <summary>The real services of a function (or the CLI) running with <paramref name="environment"/>: EKS and Secrets Manager signed with its role's credentials.</summary>
    public static HostServices ForEnvironment(IFunctionEnvironment environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var credentials = new EnvironmentCredentialsSource(environment);
        // Lambda always sets AWS_REGION; a workstation without it only fails when a handler actually reads a secret.
        var region = environment.Get(EksClusterSettings.RegionVariable) is { Length: > 0 } r ? r : "us-east-1";
        return new HostServices(time, environment, new EksKubernetesClientFactory(environment, credentials, time),
            new SecretsManagerStore(AwsHttp, credentials, region, time));
    }
}
