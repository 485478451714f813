using Dqe.Core.Kubernetes;
using k8s;

namespace Dqe.Cli.Tests.TestHelpers;

/// <summary>Hands handlers a real KubernetesClient pointed at a fake API server, built on first use like the EKS factory.</summary>
internal sealed class FakeApiKubernetesFactory(Uri server) : IKubernetesClientFactory
{
    private readonly Lazy<IKubernetes> _client = new(() => new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.ToString() }));

    public IKubernetes Create() => _client.Value;
}
