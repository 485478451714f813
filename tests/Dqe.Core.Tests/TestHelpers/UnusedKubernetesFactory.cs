using Dqe.Core.Kubernetes;
using k8s;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>For handlers that must not touch Kubernetes: any use fails the test.</summary>
public sealed class UnusedKubernetesFactory : IKubernetesClientFactory
{
    public IKubernetes Create() => throw new InvalidOperationException("this test expects no Kubernetes client to be created");
}
