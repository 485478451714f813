using System.Net;
using System.Text.Json;
using Dqe.Core.Remediation;
using Dqe.Core.Remediation.Webhook;

namespace Dqe.Cli.Remediation;

/// <summary>
/// The webhook as a local HTTP server: <c>POST /v1/alerts</c> (Alertmanager's webhook), <c>GET /v1/audit</c> (the
/// audit records so far) and <c>GET /healthz</c>. Binds loopback only; put a TLS proxy in front to expose it.
/// </summary>
internal sealed class RemediationServer
{
    public const string AlertsPath = "/v1/alerts";
    private readonly RemediationWebhook _webhook;
    private readonly InMemoryAuditLog _audit;
    private readonly int _maxBodyBytes;

    public RemediationServer(RemediationWebhook webhook, InMemoryAuditLog audit, int maxBodyBytes)
    {
        _webhook = webhook;
        _audit = audit;
        _maxBodyBytes = maxBodyBytes;
    }

    public async Task RunAsync(int port, Action<string> announce, CancellationToken cancellationToken)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        announce($"dqe remediate: listening on http://127.0.0.1:{port}{AlertsPath}");
        using var stop = cancellationToken.Register(listener.Stop);
        var inFlight = new List<Task>();
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException && cancellationToken.IsCancellationRequested)
            {
                break;
            }

            inFlight.RemoveAll(t => t.IsCompleted);
            inFlight.Add(Task.Run(() => ServeAsync(context, cancellationToken), CancellationToken.None));
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private async Task ServeAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        try
        {
            var (status, body) = await RouteAsync(context.Request, cancellationToken).ConfigureAwait(false);
            response.StatusCode = status;
            response.ContentType = "application/json";
            // A known length avoids chunked encoding, whose trailing write meets delayed ACK (~40 ms per request).
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException)
        {
            // The client went away or the server is stopping: nothing left to answer.
        }
        finally
        {
            response.Close();
        }
    }

    private async Task<(int Status, byte[] Body)> RouteAsync(HttpListenerRequest request, CancellationToken cancellationToken)
    {
        var path = request.Url?.AbsolutePath ?? "/";
        switch (request.HttpMethod, path)
        {
            case ("GET", "/healthz"):
                return (200, """{"status":"ok"}"""u8.ToArray());
            case ("GET", "/v1/audit"):
                return (200, JsonSerializer.SerializeToUtf8Bytes(_audit.Snapshot().ToList(), RemediationJsonContext.Default.ListAuditRecord));
            case ("POST", AlertsPath):
                var body = await ReadCappedAsync(request.InputStream, cancellationToken).ConfigureAwait(false);
                var reply = await _webhook.HandleAsync(request.Headers["Authorization"], body, cancellationToken).ConfigureAwait(false);
                return (reply.Status, JsonSerializer.SerializeToUtf8Bytes(reply, RemediationJsonContext.Default.WebhookReply));
            default:
                var error = new WebhookReply(404, $"no route {request.HttpMethod} {path}; POST {AlertsPath}", "path", []);
                return (404, JsonSerializer.SerializeToUtf8Bytes(error, RemediationJsonContext.Default.WebhookReply));
        }
    }

    // Reads at most one byte past the cap, so an oversized body is refused (413) without buffering all of it.
    private async Task<byte[]> ReadCappedAsync(Stream input, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length <= _maxBodyBytes && (read = await input.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
