using k8s;

namespace Dqe.Core.Kubernetes;

/// <summary>
/// Reaches cluster-internal HTTP endpoints from outside the cluster network through the API server's proxy
/// (<see cref="KubernetesProxyTarget"/>), authenticated and TLS-verified exactly as the Kubernetes client is.
/// </summary>
public sealed class KubernetesProxy
{
    private readonly k8s.Kubernetes _client;

    /// <param name="client">The host's client (<see cref="IKubernetesClientFactory.Create"/>); must be a KubernetesClient <see cref="k8s.Kubernetes"/>, whose pipeline carries the credentials.</param>
    public KubernetesProxy(IKubernetes client)
    {
        _client = client as k8s.Kubernetes
            ?? throw new ArgumentException($"the API server proxy needs a KubernetesClient k8s.Kubernetes, got {client?.GetType().Name ?? "null"}.", nameof(client));
    }

    /// <summary>The API server's origin: the only host the handler sends to.</summary>
    public Uri ApiServer => _client.BaseUri;

    /// <summary>The base URL of <paramref name="target"/>'s proxy, ending in <c>/</c>.</summary>
    public Uri BaseUri(KubernetesProxyTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var root = _client.BaseUri.AbsoluteUri.EndsWith('/') ? _client.BaseUri : new Uri(_client.BaseUri.AbsoluteUri + "/");
        return new Uri(root, target.Path);
    }

    /// <summary>A handler that adds the client's credentials and sends through its pipeline; wrap it or give it to an <see cref="HttpClient"/>.</summary>
    public HttpMessageHandler CreateHandler() => new KubernetesProxyHandler(_client);
}
