using Dqe.Core.Hosting;
using k8s;

namespace Dqe.Core.Kubernetes;

/// <summary>
/// Builds a KubernetesClient for the EKS cluster named in the environment, authenticated with a cached
/// <see cref="EksTokenProvider"/> and trusting only the cluster's CA. Settings are read on first use, so
/// functions that never touch Kubernetes need none of its variables. One client per process.
/// </summary>
public sealed class EksKubernetesClientFactory : IKubernetesClientFactory
{
    private readonly Lazy<IKubernetes> _client;

    public EksKubernetesClientFactory(IFunctionEnvironment environment, IAwsCredentialsSource credentials, TimeProvider time)
    {
        _client = new Lazy<IKubernetes>(() => Build(EksClusterSettings.FromEnvironment(environment), credentials, time));
    }

    public IKubernetes Create() => _client.Value;

    internal static KubernetesClientConfiguration Configure(EksClusterSettings settings, k8s.Authentication.ITokenProvider tokens) => new()
    {
        Host = settings.Endpoint.ToString(),
        SslCaCerts = settings.CaCertificates,
        TokenProvider = tokens,
    };

    private static k8s.Kubernetes Build(EksClusterSettings settings, IAwsCredentialsSource credentials, TimeProvider time)
    {
        CustomObjectJson.EnsureRegistered();
        var tokens = new EksTokenProvider(new EksTokenOptions { ClusterName = settings.ClusterName, Region = settings.Region }, credentials, time);
        return new k8s.Kubernetes(Configure(settings, tokens));
    }
}
