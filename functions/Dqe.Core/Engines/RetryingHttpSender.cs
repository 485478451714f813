using System.Net;
using System.Net.Sockets;

namespace Dqe.Core.Engines;

/// <summary>
/// Sends one logical HTTP call with bounded retries: 429/502/503/504 and connection failures are retried
/// with backoff (Retry-After honoured); anything else is handed to the caller's reader. Each attempt has
/// its own timeout, measured on the injected <see cref="TimeProvider"/>. The response reader owns and must
/// dispose the response it is given.
/// </summary>
internal sealed class RetryingHttpSender(HttpClient http, TimeProvider time, RetryOptions retry, TimeSpan requestTimeout, string engine)
{
    public async Task<T> SendAsync<T>(
        Func<HttpRequestMessage> buildRequest,
        Func<HttpResponseMessage, CancellationToken, Task<T>> readResponse,
        bool idempotent,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = new CancellationTokenSource(requestTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            TimeSpan? retryAfter = null;
            Exception? failure;
            try
            {
                using var request = buildRequest();
                var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                if (!IsTransient(response.StatusCode))
                {
                    // The reader owns the response from here (a streaming reader keeps it open after returning).
                    return await readResponse(response, linked.Token).ConfigureAwait(false);
                }

                using var discarded = response;

                retryAfter = RetryAfter(response);
                failure = new QueryEngineException(engine, null, $"HTTP_{(int)response.StatusCode}", (int)response.StatusCode, "EXTERNAL",
                    $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode} {response.ReasonPhrase} after {attempt} attempt(s).");
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                failure = new QueryEngineException(engine, null, "CLIENT_TIMEOUT", 0, "CLIENT",
                    $"No complete answer within {requestTimeout.TotalSeconds:0.###} s (attempt {attempt}).");
            }
            catch (HttpRequestException e) when (idempotent || e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                failure = Connection(e, attempt);
            }
            catch (IOException e) when (idempotent)
            {
                failure = Connection(e, attempt);
            }

            if (attempt >= retry.MaxAttempts)
            {
                throw failure;
            }

            var delay = retry.DelayFor(attempt, retryAfter, Random.Shared.NextDouble());
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private QueryEngineException Connection(Exception e, int attempt) =>
        new(engine, null, "CONNECTION_FAILED", 0, "EXTERNAL", $"Connection failed after {attempt} attempt(s): {e.Message}", e);

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
