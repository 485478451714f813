using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dqe.TestServers.Tls;

/// <summary>An HTTPS endpoint on 127.0.0.1 with a given certificate that records every request and answers 200 "ok".</summary>
public sealed class HttpsEchoServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpsEchoServer(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<HttpsEchoServer> StartAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var server = new HttpsEchoServer(app);
        app.Run(context =>
        {
            server.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            return context.Response.WriteAsync("ok", context.RequestAborted);
        });
        await app.StartAsync().ConfigureAwait(false);
        server.Port = new Uri(app.Urls.First()).Port;
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
