using k8s;

namespace Dqe.Core.Kubernetes;

/// <summary>Gives handlers a Kubernetes client for the function's cluster.</summary>
public interface IKubernetesClientFactory
{
    IKubernetes Create();
}
