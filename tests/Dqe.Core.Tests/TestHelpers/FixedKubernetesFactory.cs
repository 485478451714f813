using Dqe.Core.Kubernetes;
using k8s;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>Hands out one client of the fake API server, counting how often it was asked.</summary>
public sealed class FixedKubernetesFactory(IKubernetes client) : IKubernetesClientFactory
{
    public int Created { get; private set; }

    public IKubernetes Create()
    {
        Created++;
        return client;
    }
}
