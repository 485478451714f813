using Dqe.Core.Hosting;
using Dqe.Core.Kubernetes;

namespace Dqe.Core.Secrets.Rotation;

/// <summary>Builds the rotator of a deployed function: Secrets Manager with the role's credentials, the cluster, the engines.</summary>
internal static class RotationSetup
{
    private static readonly HttpClient AwsHttp = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static SecretRotator Create(HostServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var env = services.Environment;
        var options = RotationOptions.FromEnvironment(env);
        var region = env.Get(EksClusterSettings.RegionVariable) is { Length: > 0 } r
            ? r
            : throw new InvalidOperationException($"environment variable {EksClusterSettings.RegionVariable} is required");
        var versions = new SecretsManagerVersions(AwsHttp, new EnvironmentCredentialsSource(env), region, services.Time);
        var kubernetes = services.Kubernetes.Create();
        var publisher = new KubernetesRotationPublisher(kubernetes, options);
        var grafana = new KubernetesGrafanaRestart(kubernetes, options, services.Time);
        return new SecretRotator(versions, publisher, new EngineLoginCheck(services.Engines), grafana, options, services.Time);
    }
}
