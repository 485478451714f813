using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Dqe.TestServers.Hosting;

/// <summary>
/// Kestrel on 127.0.0.1 for the in-process fakes: port 0, so the kernel picks the port at bind time and no other
/// test can take it in between; plain HTTP, or HTTPS with a given certificate; no logging.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    // Bounds the graceful stop: a request a test left hanging is aborted instead of holding up its dispose.
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app) => _app = app;

    /// <summary>The bound address with a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>; known once started.</summary>
    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>
    /// Creates the fake with its (not yet started) host, lets it map its routes, starts listening and returns the fake.
    /// </summary>
    /// <param name="create">Builds the fake around the host (keep it to serve <see cref="BaseUri"/> and dispose it).</param>
    /// <param name="map">Maps the fake's endpoints or middleware on the application.</param>
    /// <param name="certificate">Serve HTTPS with this certificate; null = plain HTTP.</param>
    public static async Task<T> StartAsync<T>(Func<LoopbackServer, T> create, Action<T, WebApplication> map, X509Certificate2? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(map);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var host = new LoopbackServer(app);
        try
        {
            var fake = create(host);
            map(fake, app);
            await app.StartAsync().ConfigureAwait(false);
            host.BaseUri = new Uri(app.Urls.First() + "/");
            return fake;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
