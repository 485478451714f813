using Dqe.Core.Kubernetes;

namespace Dqe.Core.Hosting;

/// <summary>
/// Where a function queries Prometheus: <see cref="FunctionVariables.PrometheusUrl"/> when set (a local run or a
/// reachable Prometheus), else <see cref="FunctionVariables.PrometheusService"/> through the API server's service
/// proxy — Prometheus is a ClusterIP service the functions' subnets cannot reach directly.
/// </summary>
public sealed record PrometheusEndpoint(HttpClient Http, Uri BaseUri)
{
    private static readonly HttpClient DirectHttp = new() { Timeout = TimeSpan.FromSeconds(30) };
    private static readonly Lock Gate = new();
    private static (IKubernetesClientFactory Factory, PrometheusEndpoint Endpoint)? _proxied;

    /// <summary>The endpoint from <paramref name="services"/>' environment, or null when neither variable is set.</summary>
    public static PrometheusEndpoint? From(HostServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Environment.Get(FunctionVariables.PrometheusUrl) is { Length: > 0 } text)
        {
            return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                ? new PrometheusEndpoint(DirectHttp, url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/"))
                : throw new InvalidOperationException($"environment variable {FunctionVariables.PrometheusUrl} must be Prometheus' http(s) URL, got '{text}'.");
        }

        if (services.Environment.Get(FunctionVariables.PrometheusService) is not { Length: > 0 } service)
        {
            return null;
        }

        KubernetesProxyTarget target;
        try
        {
            target = KubernetesProxyTarget.ParseService(service);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"environment variable {FunctionVariables.PrometheusService}: {e.Message}", e);
        }

        // One HttpClient per Kubernetes client (the process' one): a new one per query would exhaust sockets.
        lock (Gate)
        {
            if (_proxied is { } cached && ReferenceEquals(cached.Factory, services.Kubernetes) && cached.Endpoint.BaseUri.AbsolutePath.EndsWith(target.Path, StringComparison.Ordinal))
            {
                return cached.Endpoint;
            }

            var proxy = new KubernetesProxy(services.Kubernetes.Create());
            var endpoint = new PrometheusEndpoint(new HttpClient(proxy.CreateHandler()) { Timeout = TimeSpan.FromSeconds(30) }, proxy.BaseUri(target));
            _proxied = (services.Kubernetes, endpoint);
            return endpoint;
        }
    }

    /// <summary>Like <see cref="From"/>, but a missing setting is an error naming both variables.</summary>
    public static PrometheusEndpoint Required(HostServices services) => From(services)
        ?? throw new InvalidOperationException($"set {FunctionVariables.PrometheusService} (namespace/scheme:service:port, through the API server) or {FunctionVariables.PrometheusUrl} (a direct URL) to query Prometheus.");
}
