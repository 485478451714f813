using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Dqe.Core.Hosting.Emulator;

/// <summary>
/// A local stand-in for the Lambda Runtime API (2018-06-01) on 127.0.0.1: hands queued events out on
/// <c>GET /runtime/invocation/next</c> with the documented headers and records what the runtime posts to
/// <c>/response</c>, <c>/error</c> and <c>/init/error</c>. Used by the tests, the host benchmark and by hand.
/// </summary>
public sealed class RuntimeApiEmulator : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";
    private readonly HttpListener _listener;
    private readonly TimeProvider _time;
    private readonly TimeSpan _defaultTimeout;
    private readonly Channel<EmulatedInvocation> _pending = Channel.CreateUnbounded<EmulatedInvocation>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<EmulatedOutcome>> _outcomes = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<EmulatedOutcome> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _serving;
    private int _nextRequests;

    private RuntimeApiEmulator(HttpListener listener, int port, TimeProvider time, TimeSpan defaultTimeout)
    {
        _listener = listener;
        _time = time;
        _defaultTimeout = defaultTimeout;
        Address = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        _serving = Task.Run(ServeAsync);
    }

    /// <summary><c>host:port</c>, the value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; }

    /// <summary>How many <c>/next</c> polls arrived (a runtime waiting for work counts once per poll).</summary>
    public int NextRequests => Volatile.Read(ref _nextRequests);

    /// <summary>Completes when the runtime reports an init error.</summary>
    public Task<EmulatedOutcome> InitError => _initError.Task;

    /// <summary>Starts on a free loopback port; the default deadline is now + <paramref name="defaultTimeout"/> (30 s if null).</summary>
    public static RuntimeApiEmulator Start(TimeProvider? time = null, TimeSpan? defaultTimeout = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            try
            {
                listener.Start();
                return new RuntimeApiEmulator(listener, port, time ?? TimeProvider.System, defaultTimeout ?? TimeSpan.FromSeconds(30));
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                // Another process took the port between probing and binding; try a fresh one.
                listener.Close();
            }
        }
    }

    /// <summary>Queues an event and completes when the runtime posts its response or error.</summary>
    public Task<EmulatedOutcome> InvokeAsync(EmulatedInvocation invocation, CancellationToken cancellationToken)
    {
        var outcome = new TaskCompletionSource<EmulatedOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_outcomes.TryAdd(invocation.RequestId, outcome))
        {
            throw new ArgumentException($"request id '{invocation.RequestId}' is already in use", nameof(invocation));
        }

        _pending.Writer.TryWrite(invocation);
        return outcome.Task.WaitAsync(cancellationToken);
    }

    public Task<EmulatedOutcome> InvokeAsync(string payload, CancellationToken cancellationToken) =>
        InvokeAsync(new EmulatedInvocation(Encoding.UTF8.GetBytes(payload)), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Close();
        try
        {
            await _serving.ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Closing the listener is how serving stops.
        }

        _stopping.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var context = await _listener.GetContextAsync().ConfigureAwait(false);
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url?.AbsolutePath ?? "";
            var method = context.Request.HttpMethod;
            if (method == "GET" && path == Prefix + "invocation/next")
            {
                await NextAsync(context.Response).ConfigureAwait(false);
                return;
            }

            if (method == "POST" && path == Prefix + "init/error")
            {
                _initError.TrySetResult(await ReadOutcomeAsync(context.Request, "", EmulatedOutcomeKind.InitError).ConfigureAwait(false));
                await RespondAsync(context.Response, 202, """{"status":"OK"}""").ConfigureAwait(false);
                return;
            }

            await PostAsync(context, method, path).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client went away or the emulator is stopping; nothing to answer.
            context.Response.Abort();
        }
    }

    private async Task NextAsync(HttpListenerResponse response)
    {
        Interlocked.Increment(ref _nextRequests);
        var invocation = await _pending.Reader.ReadAsync(_stopping.Token).ConfigureAwait(false);
        var deadline = invocation.Deadline ?? _time.GetUtcNow() + _defaultTimeout;
        response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
        response.Headers["Lambda-Runtime-Deadline-Ms"] = deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.FunctionArn;
        response.Headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        response.ContentType = "application/json";
        response.StatusCode = 200;
        response.ContentLength64 = invocation.Payload.Length;
        await response.OutputStream.WriteAsync(invocation.Payload, _stopping.Token).ConfigureAwait(false);
        response.Close();
    }

    private async Task PostAsync(HttpListenerContext context, string method, string path)
    {
        // /2018-06-01/runtime/invocation/{id}/response|error
        var parts = path.StartsWith(Prefix + "invocation/", StringComparison.Ordinal)
            ? path[(Prefix.Length + "invocation/".Length)..].Split('/')
            : [];
        var kind = parts is [_, "response"] ? EmulatedOutcomeKind.Response
            : parts is [_, "error"] ? EmulatedOutcomeKind.Error
            : (EmulatedOutcomeKind?)null;
        if (method != "POST" || kind is null)
        {
            await RespondAsync(context.Response, 404, """{"errorMessage":"unknown Runtime API path","errorType":"NotFound"}""").ConfigureAwait(false);
            return;
        }

        if (!_outcomes.TryRemove(parts[0], out var outcome))
        {
            await RespondAsync(context.Response, 400, """{"errorMessage":"unknown or already answered request id","errorType":"InvalidRequestID"}""").ConfigureAwait(false);
            return;
        }

        outcome.TrySetResult(await ReadOutcomeAsync(context.Request, parts[0], kind.Value).ConfigureAwait(false));
        await RespondAsync(context.Response, 202, """{"status":"OK"}""").ConfigureAwait(false);
    }

    private async Task<EmulatedOutcome> ReadOutcomeAsync(HttpListenerRequest request, string requestId, EmulatedOutcomeKind kind)
    {
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body, _stopping.Token).ConfigureAwait(false);
        return new EmulatedOutcome(requestId, kind, body.ToArray(), request.Headers[ErrorTypes.HeaderName], request.ContentType, _time.GetUtcNow());
    }

    private static async Task RespondAsync(HttpListenerResponse response, int status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
    }
}
