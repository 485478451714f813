using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Dqe.TestServers.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dqe.TestServers.Tls;

/// <summary>An HTTPS endpoint on 127.0.0.1 with a given certificate that records every request and answers 200 "ok".</summary>
public sealed class HttpsEchoServer : IAsyncDisposable
{
    private readonly LoopbackServer _host;

    private HttpsEchoServer(LoopbackServer host) => _host = host;

    public int Port => _host.BaseUri.Port;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static Task<HttpsEchoServer> StartAsync(X509Certificate2 certificate) =>
        LoopbackServer.StartAsync(host => new HttpsEchoServer(host), (server, app) => app.Run(context =>
        {
            server.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            return context.Response.WriteAsync("ok", context.RequestAborted);
        }), certificate);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
