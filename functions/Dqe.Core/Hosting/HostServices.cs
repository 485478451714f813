using Dqe.Core.Kubernetes;

namespace Dqe.Core.Hosting;

/// <summary>
/// What a handler may depend on; the registry passes it to each handler's factory. Everything here is
/// cheap to build and lazy (a Kubernetes client is only made when a handler asks for one).
/// </summary>
public sealed record HostServices(TimeProvider Time, IFunctionEnvironment Environment, IKubernetesClientFactory Kubernetes);
