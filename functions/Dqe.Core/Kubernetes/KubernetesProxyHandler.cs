namespace Dqe.Core.Kubernetes;

/// <summary>
/// Sends requests through the KubernetesClient's own HTTP pipeline (its TLS trust of the cluster CA) after
/// adding the client's credentials (the EKS bearer token), and only to the API server's origin, so the token
/// never leaves for another host. The client is the factory's, shared by the process; it is not disposed here.
/// </summary>
internal sealed class KubernetesProxyHandler(k8s.Kubernetes client) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var server = client.BaseUri;
        if (request.RequestUri is not { } uri
            || !string.Equals(uri.Scheme, server.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(uri.IdnHost, server.IdnHost, StringComparison.OrdinalIgnoreCase)
            || uri.Port != server.Port)
        {
            throw new InvalidOperationException($"refusing to send Kubernetes credentials to {request.RequestUri}: not the API server {server.GetLeftPart(UriPartial.Authority)}");
        }

        // The caller's HttpClient already marked the request as sent; the client's HttpClient sends a copy.
        using var copy = new HttpRequestMessage(request.Method, uri) { Content = request.Content, Version = request.Version };
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        if (client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(copy, cancellationToken).ConfigureAwait(false);
        }

        // Headers first: ClickHouse results stream, and the callers apply their own timeouts.
        var response = await client.HttpClient.SendAsync(copy, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        // The content stays the caller's: it is disposed with the original request, not with this copy.
        copy.Content = null;
        response.RequestMessage = request;
        return response;
    }
}
