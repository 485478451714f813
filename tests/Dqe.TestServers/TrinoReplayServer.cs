using System.Collections.Concurrent;
using System.Text;
using Dqe.TestServers.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dqe.TestServers;

/// <summary>
/// A Trino coordinator stand-in on 127.0.0.1 (free port) that speaks the statement protocol from scripts:
/// POST /v1/statement picks the script registered for the SQL text, GET nextUri walks it, DELETE cancels.
/// </summary>
public sealed class TrinoReplayServer : IAsyncDisposable
{
    private readonly LoopbackServer _host;
    private readonly ConcurrentDictionary<string, TrinoScript> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, QueryState> _queries = new(StringComparer.Ordinal);

    // A POST answered with a status (a gateway's 503) never reached the coordinator: the retried POST continues the same script.
    private readonly ConcurrentDictionary<string, (string Id, QueryState State)> _submitting = new(StringComparer.Ordinal);
    private int _nextQuery;

    private TrinoReplayServer(LoopbackServer host) => _host = host;

    public Uri BaseUri => _host.BaseUri;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Set to false to skip request recording (benchmarks).</summary>
    public bool Record { get; set; } = true;

    public static Task<TrinoReplayServer> StartAsync() =>
        LoopbackServer.StartAsync(host => new TrinoReplayServer(host), (server, app) =>
        {
            app.MapPost("/v1/statement", server.SubmitAsync);
            app.MapGet("/v1/statement/executing/{id}/{token:int}", server.NextAsync);
            app.MapDelete("/v1/statement/executing/{id}/{token:int}", server.Cancel);
        });

    /// <summary>Registers the answers for a statement (matched on the exact SQL text).</summary>
    public void Script(string sql, TrinoScript script) => _scripts[sql] = script;

    /// <summary>Drops a statement's script: from then on it is refused (400), as a coordinator that went away.</summary>
    public void Forget(string sql) => _scripts.TryRemove(sql, out _);

    public bool WasCancelled(string queryId) => _queries.TryGetValue(queryId, out var state) && state.Cancelled;

    private async Task SubmitAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var sql = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        Remember(context, sql);
        if (!_scripts.TryGetValue(sql, out var script))
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync($"replay server: no script for '{sql}'", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var (id, state) = _submitting.GetOrAdd(sql, _ => ($"20260101_000000_{Interlocked.Increment(ref _nextQuery):D5}_replay", new QueryState(script)));
        _queries[id] = state;
        var step = await ServeAsync(context, id, state).ConfigureAwait(false);
        if (step.Status is null)
        {
            _submitting.TryRemove(sql, out _);
        }
    }

    private async Task NextAsync(HttpContext context, string id, int token)
    {
        Remember(context, "");
        if (_queries.TryGetValue(id, out var state))
        {
            await ServeAsync(context, id, state).ConfigureAwait(false);
        }
        else
        {
            await Results.NotFound().ExecuteAsync(context).ConfigureAwait(false);
        }
    }

    private IResult Cancel(HttpContext context, string id, int token)
    {
        Remember(context, "");
        if (_queries.TryGetValue(id, out var state))
        {
            state.Cancelled = true;
        }

        return Results.NoContent();
    }

    private async Task<TrinoScriptStep> ServeAsync(HttpContext context, string id, QueryState state)
    {
        var index = Interlocked.Increment(ref state.Cursor) - 1;
        var steps = state.Script.Steps;
        var step = steps[Math.Min(index, steps.Count - 1)];
        if (step.Delay is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
        }

        foreach (var (name, value) in step.Headers)
        {
            context.Response.Headers.Append(name, value);
        }

        if (step.Status is { } status)
        {
            context.Response.StatusCode = status;
            if (step.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsync(status >= 500 ? "upstream unavailable" : "rejected", context.RequestAborted).ConfigureAwait(false);
            return step;
        }

        var head = $"{{\"id\":\"{id}\",\"infoUri\":\"{BaseUri}ui/query.html?{id}\",";
        if (!step.Last)
        {
            head += $"\"nextUri\":\"{BaseUri}v1/statement/executing/{id}/{index + 1}\",";
        }

        var page = step.Page ?? "{}"u8.ToArray();
        var rest = page.AsMemory(1);
        context.Response.ContentType = "application/json";
        if (step.Die)
        {
            context.Response.ContentLength = Encoding.UTF8.GetByteCount(head) + rest.Length;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(head), context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.WriteAsync(rest[..(rest.Length / 2)], context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            context.Abort();
            return step;
        }

        var headBytes = Encoding.UTF8.GetBytes(head);
        context.Response.ContentLength = headBytes.Length + rest.Length;
        await context.Response.Body.WriteAsync(headBytes, context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.WriteAsync(rest, context.RequestAborted).ConfigureAwait(false);
        if (step.Last && index == steps.Count - 1)
        {
            state.Script.Finished?.Invoke();
        }

        return step;
    }

    private void Remember(HttpContext context, string body)
    {
        if (Record)
        {
            Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, body,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private sealed class QueryState(TrinoScript script)
    {
        public int Cursor;

        public TrinoScript Script { get; } = script;

        public volatile bool Cancelled;
    }
}
