namespace Dqe.Core.Tests.TestHelpers;

/// <summary>
/// Stands in for the TLS in front of an engine: requests to <c>https://</c> URLs go to the plain local server at
/// <paramref name="backend"/> (same path and query), other requests as they are. Lets the credential handler, which
/// sends credentials only over HTTPS, be tested against the replay server and the real clickhouse-server. The
/// caller's message keeps its URL, as behind a real TLS terminator.
/// </summary>
public sealed class TlsOffloadTransport(Uri backend) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { Scheme: "https" } uri)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        request.RequestUri = new UriBuilder(uri) { Scheme = backend.Scheme, Host = backend.Host, Port = backend.Port }.Uri;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            response.RequestMessage = request;
            return response;
        }
        finally
        {
            request.RequestUri = uri;
        }
    }
}
