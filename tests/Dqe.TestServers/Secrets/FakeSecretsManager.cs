using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dqe.TestServers.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dqe.TestServers.Secrets;

/// <summary>
/// Secrets Manager's JSON 1.1 endpoint on 127.0.0.1: POST / with <c>X-Amz-Target: secretsmanager.OPERATION</c>,
/// content type <c>application/x-amz-json-1.1</c> and a SigV4 Authorization header for service secretsmanager.
/// GetSecretValue (by VersionId and/or VersionStage, default AWSCURRENT), DescribeSecret (RotationEnabled,
/// VersionIdsToStages), PutSecretValue (idempotent on ClientRequestToken with the same value, ResourceExistsException
/// with another; its VersionStages move to the new version) and UpdateSecretVersionStage (RemoveFromVersionId must
/// hold the label; moving AWSCURRENT labels the former version AWSPREVIOUS), with the service's 400 error
/// documents <c>{"__type","message"}</c>. <see cref="StartRotation"/> does what RotateSecret does before the first step.
/// </summary>
public sealed class FakeSecretsManager : IAsyncDisposable
{
    private readonly LoopbackServer _host;
    private readonly ConcurrentDictionary<string, FakeSecret> _secrets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private FakeSecretsManager(LoopbackServer host) => _host = host;

    public Uri BaseUri => _host.BaseUri;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Secret ids whose every call is denied (AccessDeniedException), as for a role without the grant.</summary>
    public ConcurrentDictionary<string, bool> Denied { get; } = new(StringComparer.Ordinal);

    public static Task<FakeSecretsManager> StartAsync() =>
        LoopbackServer.StartAsync(host => new FakeSecretsManager(host), (server, app) => app.MapPost("/", server.HandleAsync));

    /// <summary>Creates a secret or stores a new AWSCURRENT version of it (as an operator's put-secret-value would).</summary>
    public string Put(string secretId, string value)
    {
        lock (_gate)
        {
            var secret = _secrets.GetOrAdd(secretId, id => new FakeSecret(id));
            var version = Guid.NewGuid().ToString();
            secret.Values[version] = value;
            secret.Label(version, FakeSecret.Current);
            return version;
        }
    }

    /// <summary>Turns rotation on for a secret (a RotationSchedule exists).</summary>
    public void EnableRotation(string secretId)
    {
        lock (_gate)
        {
            Secret(secretId).RotationEnabled = true;
        }
    }

    /// <summary>What RotateSecret does before invoking the function: a new version id labelled AWSPENDING, without a value yet.</summary>
    public string StartRotation(string secretId)
    {
        lock (_gate)
        {
            var secret = Secret(secretId);
            var token = Guid.NewGuid().ToString();
            secret.Values[token] = null;
            secret.Label(token, FakeSecret.Pending);
            return token;
        }
    }

    /// <summary>The value of the version labelled <paramref name="stage"/>, or null.</summary>
    public string? ValueAt(string secretId, string stage)
    {
        lock (_gate)
        {
            var secret = Secret(secretId);
            return secret.VersionWith(stage) is { } version ? secret.Values[version] : null;
        }
    }

    /// <summary>The version labelled <paramref name="stage"/>, or null.</summary>
    public string? VersionAt(string secretId, string stage)
    {
        lock (_gate)
        {
            return Secret(secretId).VersionWith(stage);
        }
    }

    /// <summary>The labels of <paramref name="version"/> (sorted).</summary>
    public IReadOnlyList<string> StagesOf(string secretId, string version)
    {
        lock (_gate)
        {
            return Secret(secretId).Stages.TryGetValue(version, out var stages) ? [.. stages.Order(StringComparer.Ordinal)] : [];
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private FakeSecret Secret(string secretId) => _secrets.TryGetValue(secretId, out var s) ? s : throw new InvalidOperationException($"no fake secret '{secretId}'");

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        Requests.Enqueue(new RecordedRequest("POST", context.Request.Path, body,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));

        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var operation = target.StartsWith("secretsmanager.", StringComparison.Ordinal) ? target["secretsmanager.".Length..] : "";
        var authorization = context.Request.Headers.Authorization.ToString();
        if (context.Request.ContentType != "application/x-amz-json-1.1" || operation is not ("GetSecretValue" or "DescribeSecret" or "PutSecretValue" or "UpdateSecretVersionStage"))
        {
            await WriteAsync(context, Error("UnknownOperationException", $"unsupported target '{target}' or content type '{context.Request.ContentType}'")).ConfigureAwait(false);
            return;
        }

        if (!authorization.StartsWith("AWS4-HMAC-SHA256 Credential=", StringComparison.Ordinal) || !authorization.Contains("/secretsmanager/aws4_request", StringComparison.Ordinal)
            || !authorization.Contains("x-amz-date", StringComparison.Ordinal) || !authorization.Contains("x-amz-target", StringComparison.Ordinal))
        {
            await WriteAsync(context, Error("IncompleteSignatureException", "missing or malformed SigV4 Authorization header")).ConfigureAwait(false);
            return;
        }

        JsonObject? request;
        try
        {
            request = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            request = null;
        }

        var id = Text(request, "SecretId");
        JsonObject answer;
        if (request is null || id is null)
        {
            answer = Error("InvalidRequestException", "SecretId is required");
        }
        else if (Denied.ContainsKey(id))
        {
            answer = Error("AccessDeniedException", $"not authorized to perform secretsmanager:{operation} on {id}");
        }
        else
        {
            lock (_gate)
            {
                answer = !_secrets.TryGetValue(id, out var secret)
                    ? Error("ResourceNotFoundException", "Secrets Manager can't find the specified secret.")
                    : operation switch
                    {
                        "GetSecretValue" => GetValue(secret, Text(request, "VersionId"), Text(request, "VersionStage")),
                        "DescribeSecret" => Describe(secret),
                        "PutSecretValue" => PutValue(secret, request),
                        _ => UpdateStage(secret, request),
                    };
            }
        }

        await WriteAsync(context, answer).ConfigureAwait(false);
    }

    private static JsonObject GetValue(FakeSecret secret, string? versionId, string? stage)
    {
        var version = versionId ?? secret.VersionWith(stage ?? FakeSecret.Current);
        if (version is null || !secret.Values.TryGetValue(version, out var value) || (stage is not null && !secret.Stages.GetValueOrDefault(version, []).Contains(stage)))
        {
            return Error("ResourceNotFoundException", $"Secrets Manager can't find the specified secret value for VersionId: {versionId ?? "(none)"}, VersionStage: {stage ?? "(none)"}");
        }

        return value is null
            ? Error("ResourceNotFoundException", $"Secrets Manager can't find the specified secret value for VersionId: {version}")
            : new JsonObject { ["ARN"] = secret.Id, ["Name"] = secret.Id, ["VersionId"] = version, ["SecretString"] = value, ["VersionStages"] = Strings(secret.Stages[version]) };
    }

    private static JsonObject Describe(FakeSecret secret)
    {
        var versions = new JsonObject();
        foreach (var (version, stages) in secret.Stages.Where(s => s.Value.Count > 0))
        {
            versions[version] = Strings(stages);
        }

        return new JsonObject { ["ARN"] = secret.Id, ["Name"] = secret.Id, ["RotationEnabled"] = secret.RotationEnabled, ["VersionIdsToStages"] = versions };
    }

    private static JsonObject PutValue(FakeSecret secret, JsonObject request)
    {
        var token = Text(request, "ClientRequestToken") ?? Guid.NewGuid().ToString();
        var value = Text(request, "SecretString");
        if (value is null)
        {
            return Error("InvalidRequestException", "You must provide either SecretString or SecretBinary.");
        }

        if (secret.Values.TryGetValue(token, out var existing) && existing is not null && existing != value)
        {
            return Error("ResourceExistsException", $"A resource with the ID you requested already exists: version {token} has a different value.");
        }

        secret.Values[token] = value;
        var stages = request["VersionStages"] is JsonArray list ? [.. list.Select(s => s!.GetValue<string>())] : new[] { FakeSecret.Current };
        foreach (var stage in stages)
        {
            secret.Label(token, stage);
        }

        return new JsonObject { ["ARN"] = secret.Id, ["Name"] = secret.Id, ["VersionId"] = token, ["VersionStages"] = Strings(secret.Stages[token]) };
    }

    private static JsonObject UpdateStage(FakeSecret secret, JsonObject request)
    {
        var stage = Text(request, "VersionStage");
        var moveTo = Text(request, "MoveToVersionId");
        var removeFrom = Text(request, "RemoveFromVersionId");
        var holder = stage is null ? null : secret.VersionWith(stage);
        if (stage is null || moveTo is null)
        {
            return Error("InvalidParameterException", "VersionStage and MoveToVersionId are required");
        }

        if (!secret.Values.ContainsKey(moveTo))
        {
            return Error("ResourceNotFoundException", $"Secrets Manager can't find the specified secret version: {moveTo}");
        }

        if (holder is not null && holder != moveTo && holder != removeFrom)
        {
            return Error("InvalidParameterException", $"The staging label {stage} is currently attached to version {holder}, so you must explicitly reference that version in RemoveFromVersionId.");
        }

        secret.Label(moveTo, stage);
        return new JsonObject { ["ARN"] = secret.Id, ["Name"] = secret.Id };
    }

    private static string? Text(JsonObject? request, string key) => request?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Order(StringComparer.Ordinal).Select(v => (JsonNode)v)];

    private static JsonObject Error(string type, string message) => new() { ["__type"] = type, ["message"] = message, ["$status"] = 400 };

    private static Task WriteAsync(HttpContext context, JsonObject answer)
    {
        if (answer.Remove("$status"))
        {
            context.Response.StatusCode = 400;
        }

        context.Response.ContentType = "application/x-amz-json-1.1";
        return context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }
}
