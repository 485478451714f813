using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Dqe.Core.Engines.Trino;

/// <summary>Issues the protocol's HTTP calls (POST statement, GET nextUri, DELETE) and reads each page's bytes.</summary>
internal sealed class TrinoPageFetcher(TrinoClientOptions options, TrinoSession session, RetryingHttpSender sender, HttpClient http)
{
    private static readonly MediaTypeHeaderValue PlainText = new("text/plain") { CharSet = "utf-8" };

    public Task<TrinoRawPage> SubmitAsync(QueryRequest request, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.Server, "v1/statement");
        var body = Encoding.UTF8.GetBytes(request.Sql.TrimEnd().TrimEnd(';'));
        return sender.SendAsync(
            () =>
            {
                var message = Build(HttpMethod.Post, uri);
                message.Content = new ByteArrayContent(body) { Headers = { ContentType = PlainText } };
                AddSessionHeaders(message.Headers, request);
                return message;
            },
            ReadPageAsync,
            idempotent: false,
            cancellationToken);
    }

    public Task<TrinoRawPage> NextAsync(string nextUri, CancellationToken cancellationToken)
    {
        var uri = new Uri(nextUri, UriKind.Absolute);
        // GET nextUri is safe to repeat: the token in the URI makes Trino resend the same page.
        return sender.SendAsync(() => Build(HttpMethod.Get, uri), ReadPageAsync, idempotent: true, cancellationToken);
    }

    /// <summary>Best effort: tells the coordinator to stop the query (DELETE nextUri → 204).</summary>
    public async Task CancelAsync(string nextUri)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var response = await http.SendAsync(Build(HttpMethod.Delete, new Uri(nextUri, UriKind.Absolute)), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            // The query is abandoned anyway; Trino fails it with USER_CANCELED once polling stops.
        }
    }

    private HttpRequestMessage Build(HttpMethod method, Uri uri)
    {
        EngineCredentials.EnsureSafeTransport(options.Credentials, uri, options.AllowInsecureCredentials, "nextUri");
        var message = new HttpRequestMessage(method, uri);
        message.Headers.TryAddWithoutValidation("X-Trino-User", options.User);
        if (options.Credentials is { } credentials)
        {
            message.Headers.Authorization = credentials.ToHeader();
        }

        return message;
    }

    private void AddSessionHeaders(HttpRequestHeaders headers, QueryRequest request)
    {
        headers.TryAddWithoutValidation("X-Trino-Source", options.Source);
        headers.TryAddWithoutValidation("X-Trino-Client-Capabilities", "PARAMETRIC_DATETIME");
        if (options.TimeZone is { } zone)
        {
            headers.TryAddWithoutValidation("X-Trino-Time-Zone", zone);
        }

        if (options.ClientTags.Count > 0)
        {
            headers.TryAddWithoutValidation("X-Trino-Client-Tags", string.Join(',', options.ClientTags));
        }

        session.ApplyTo(headers, request.Settings);
    }

    private async Task<TrinoRawPage> ReadPageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var owned = response;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new QueryEngineException("trino", null, $"HTTP_{(int)response.StatusCode}", (int)response.StatusCode,
                response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest ? "USER_ERROR" : "EXTERNAL",
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {Shorten(text)}");
        }

        session.UpdateFrom(response.Headers);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(response.Content.Headers.ContentLength ?? 65536, 4096, 64 << 20) + 1);
            try
            {
                var length = 0;
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }

                return new TrinoRawPage(buffer, length);
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text.Trim() : string.Concat(text.AsSpan(0, 300), "...");
}
