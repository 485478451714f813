using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dqe.TestServers.Secrets;

/// <summary>
/// Secrets Manager's JSON 1.1 endpoint on 127.0.0.1 for GetSecretValue: POST / with
/// <c>X-Amz-Target: secretsmanager.GetSecretValue</c>, content type <c>application/x-amz-json-1.1</c> and a
/// SigV4 Authorization header for service secretsmanager; answers <c>{"ARN","Name","SecretString"}</c>, or a 400
/// error document <c>{"__type","message"}</c> as the service does (ResourceNotFoundException, AccessDeniedException).
/// </summary>
public sealed class FakeSecretsManager : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);

    private FakeSecretsManager(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1/");

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Secret ids whose read is denied (AccessDeniedException), as for a role without the grant.</summary>
    public ConcurrentDictionary<string, bool> Denied { get; } = new(StringComparer.Ordinal);

    public static async Task<FakeSecretsManager> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeSecretsManager(app);
        app.MapPost("/", server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        server.BaseUri = new Uri(app.Urls.First() + "/");
        return server;
    }

    /// <summary>Creates or rotates a secret.</summary>
    public void Put(string secretId, string value) => _secrets[secretId] = value;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        Requests.Enqueue(new RecordedRequest("POST", context.Request.Path, body,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));

        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var authorization = context.Request.Headers.Authorization.ToString();
        if (context.Request.ContentType != "application/x-amz-json-1.1" || target != "secretsmanager.GetSecretValue")
        {
            await ErrorAsync(context, "UnknownOperationException", $"unsupported target '{target}' or content type '{context.Request.ContentType}'").ConfigureAwait(false);
            return;
        }

        if (!authorization.StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal) || !authorization.Contains("/secretsmanager/aws4_request", StringComparison.Ordinal)
            || !authorization.Contains("x-amz-date", StringComparison.Ordinal) || !authorization.Contains("x-amz-target", StringComparison.Ordinal))
        {
            await ErrorAsync(context, "IncompleteSignatureException", "missing or malformed SigV4 Authorization header").ConfigureAwait(false);
            return;
        }

        string? id;
        try
        {
            id = JsonNode.Parse(body)?["SecretId"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            id = null;
        }

        if (id is null)
        {
            await ErrorAsync(context, "InvalidRequestException", "SecretId is required").ConfigureAwait(false);
        }
        else if (Denied.ContainsKey(id))
        {
            await ErrorAsync(context, "AccessDeniedException", $"not authorized to perform secretsmanager:GetSecretValue on {id}").ConfigureAwait(false);
        }
        else if (!_secrets.TryGetValue(id, out var value))
        {
            await ErrorAsync(context, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.").ConfigureAwait(false);
        }
        else
        {
            context.Response.ContentType = "application/x-amz-json-1.1";
            await context.Response.WriteAsync(new JsonObject { ["ARN"] = id, ["Name"] = id, ["SecretString"] = value }.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static Task ErrorAsync(HttpContext context, string type, string message)
    {
        context.Response.StatusCode = 400;
        context.Response.ContentType = "application/x-amz-json-1.1";
        return context.Response.WriteAsync(new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString(), context.RequestAborted);
    }
}
