using System.Collections.Concurrent;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>Passes requests through and remembers each response's Content-Encoding.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<string> ContentEncodings { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        ContentEncodings.Enqueue(string.Join(',', response.Content.Headers.ContentEncoding));
        return response;
    }
}
