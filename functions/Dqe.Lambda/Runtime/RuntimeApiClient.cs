using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Dqe.Core.Hosting;

namespace Dqe.Lambda.Runtime;

/// <summary>HTTP client of the Runtime API at <c>http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/</c>.</summary>
internal sealed class RuntimeApiClient : IRuntimeApi, IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;

    public RuntimeApiClient(string runtimeApi)
    {
        // Lambda may freeze the process between invocations: a client timeout would fire on thaw.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<RuntimeInvocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "runtime/invocation/next"), cancellationToken).ConfigureAwait(false);
        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new RuntimeApiException("/next answered without Lambda-Runtime-Aws-Request-Id");
        var deadlineText = Header(response, "Lambda-Runtime-Deadline-Ms");
        if (!long.TryParse(deadlineText, NumberStyles.None, CultureInfo.InvariantCulture, out var deadlineMs))
        {
            throw new RuntimeApiException($"/next answered with an unusable Lambda-Runtime-Deadline-Ms '{deadlineText}'");
        }

        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new RuntimeInvocation(
            requestId,
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            Header(response, "Lambda-Runtime-Invoked-Function-Arn") ?? "",
            Header(response, "Lambda-Runtime-Trace-Id") ?? "",
            payload);
    }

    public async Task PostResponseAsync(string requestId, byte[] response, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"runtime/invocation/{Uri.EscapeDataString(requestId)}/response")
        {
            Content = new ByteArrayContent(response) { Headers = { ContentType = Json } },
        };
        using var answer = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task PostErrorAsync(string requestId, ErrorDocument error, CancellationToken cancellationToken)
    {
        using var answer = await SendAsync(ErrorRequest($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", error), cancellationToken).ConfigureAwait(false);
    }

    public async Task PostInitErrorAsync(ErrorDocument error, CancellationToken cancellationToken)
    {
        using var answer = await SendAsync(ErrorRequest("runtime/init/error", error), cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _http.Dispose();

    private static HttpRequestMessage ErrorRequest(string path, ErrorDocument error)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, HostingJsonContext.Readable.ErrorDocument))
            {
                Headers = { ContentType = Json },
            },
        };
        request.Headers.TryAddWithoutValidation(ErrorTypes.HeaderName, error.ErrorType);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new RuntimeApiException($"Runtime API unreachable at {_http.BaseAddress}: {e.Message}", e);
            }

            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                response.Dispose();
                throw new RuntimeApiException($"Runtime API {request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}");
            }

            return response;
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
