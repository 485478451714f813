using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dqe.TestServers.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dqe.TestServers.Remediation;

/// <summary>
/// The three endpoints the remediation functions call, on 127.0.0.1, answering as the services document:
/// Step Functions <c>AWSStepFunctions.StartExecution</c> (JSON 1.0; a reused name with other input is
/// 400 ExecutionAlreadyExists), SNS <c>Action=Publish</c> (query protocol, XML answer), and Prometheus'
/// <c>GET /api/v1/query</c> for <c>ALERTS</c> (a non-empty vector while the alert is in <see cref="Firing"/>).
/// Every POST must carry a SigV4 Authorization header for its service.
/// </summary>
public sealed class FakeRemediationEndpoints : IAsyncDisposable
{
    private readonly LoopbackServer _host;

    private FakeRemediationEndpoints(LoopbackServer host) => _host = host;

    public Uri BaseUri => _host.BaseUri;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Started executions by name: their input.</summary>
    public ConcurrentDictionary<string, string> Executions { get; } = new(StringComparer.Ordinal);

    /// <summary>Published SNS messages (subject, message).</summary>
    public ConcurrentQueue<(string Subject, string Message)> Published { get; } = new();

    /// <summary>Alert names Prometheus reports firing.</summary>
    public ConcurrentDictionary<string, bool> Firing { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every POST answers this status (a throttled or broken service).</summary>
    public int? FailWith { get; set; }

    public static Task<FakeRemediationEndpoints> StartAsync() =>
        LoopbackServer.StartAsync(host => new FakeRemediationEndpoints(host), (server, app) =>
        {
            app.MapPost("/", server.PostAsync);
            app.MapGet("/api/v1/query", server.QueryAsync);
        });

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task PostAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new RecordedRequest("POST", context.Request.Path, body, headers));
        var authorization = headers.GetValueOrDefault("Authorization") ?? "";
        var sns = context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true;
        var service = sns ? "sns" : "states";
        if (!authorization.StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal) || !authorization.Contains($"/{service}/aws4_request", StringComparison.Ordinal))
        {
            await JsonErrorAsync(context, 403, "IncompleteSignatureException", "missing or malformed SigV4 Authorization header").ConfigureAwait(false);
        }
        else if (FailWith is { } status)
        {
            await JsonErrorAsync(context, status, "ServiceUnavailable", "injected failure").ConfigureAwait(false);
        }
        else if (sns)
        {
            await PublishAsync(context, body).ConfigureAwait(false);
        }
        else
        {
            await StartExecutionAsync(context, headers.GetValueOrDefault("X-Amz-Target"), body).ConfigureAwait(false);
        }
    }

    private async Task StartExecutionAsync(HttpContext context, string? target, string body)
    {
        if (target != "AWSStepFunctions.StartExecution" || context.Request.ContentType != "application/x-amz-json-1.0")
        {
            await JsonErrorAsync(context, 400, "UnknownOperationException", $"unsupported target '{target}'").ConfigureAwait(false);
            return;
        }

        var request = JsonNode.Parse(body)!;
        var name = request["name"]!.GetValue<string>();
        var input = request["input"]!.GetValue<string>();
        if (!Executions.TryAdd(name, input) && Executions[name] != input)
        {
            await JsonErrorAsync(context, 400, "ExecutionAlreadyExists", $"Execution Already Exists: '{name}'").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/x-amz-json-1.0";
        var arn = request["stateMachineArn"]!.GetValue<string>().Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name;
        await context.Response.WriteAsync(new JsonObject { ["executionArn"] = arn, ["startDate"] = 1.764e9 }.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private async Task PublishAsync(HttpContext context, string body)
    {
        var form = body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""), StringComparer.Ordinal);
        if (form.GetValueOrDefault("Action") != "Publish" || !form.ContainsKey("TopicArn") || !form.ContainsKey("Message"))
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("<ErrorResponse><Error><Code>InvalidParameter</Code><Message>TopicArn and Message are required</Message></Error></ErrorResponse>", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        Published.Enqueue((form.GetValueOrDefault("Subject") ?? "", form["Message"]));
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync($"<PublishResponse><PublishResult><MessageId>{Guid.NewGuid()}</MessageId></PublishResult></PublishResponse>", context.RequestAborted).ConfigureAwait(false);
    }

    private Task QueryAsync(HttpContext context)
    {
        var query = context.Request.Query["query"].ToString();
        Requests.Enqueue(new RecordedRequest("GET", context.Request.Path, query, new Dictionary<string, string>()));
        var result = new JsonArray();
        foreach (var alert in Firing.Keys.Where(a => query.Contains($"alertname=\"{a}\"", StringComparison.Ordinal)))
        {
            result.Add(new JsonObject { ["metric"] = new JsonObject { ["__name__"] = "ALERTS", ["alertname"] = alert, ["alertstate"] = "firing" }, ["value"] = new JsonArray(1.764e9, "1") });
        }

        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(new JsonObject { ["status"] = "success", ["data"] = new JsonObject { ["resultType"] = "vector", ["result"] = result } }.ToJsonString(), context.RequestAborted);
    }

    private static Task JsonErrorAsync(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.0";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = type, ["message"] = message }), context.RequestAborted);
    }
}
