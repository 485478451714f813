using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dqe.TestServers.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Dqe.TestServers.Kubernetes;

/// <summary>
/// A Kubernetes API server stand-in on 127.0.0.1 (free port) for the endpoints Dqe's chaos code uses, with
/// the real API's shapes: generic CRUD on core (<c>/api/v1</c>) and group (<c>/apis/G/V</c>) resources,
/// namespaced and cluster-scoped, list with <c>labelSelector</c> and <c>fieldSelector</c>, JSON merge patch, the <c>status</c>
/// subresource, pod eviction, 409 on duplicate create and stale <c>resourceVersion</c>, finalizers that hold a
/// deleted object (deletionTimestamp set) until released, <c>metadata.generation</c> bumped on a spec change, the service/pod proxy (<see cref="Proxy"/>). <see cref="Behaviour"/> scripts failures.
/// </summary>
public sealed class FakeKubernetesApi : IAsyncDisposable
{
    private readonly LoopbackServer _host;
    private readonly ConcurrentDictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _version = 1;

    private FakeKubernetesApi(LoopbackServer host) => _host = host;

    public Uri BaseUri => _host.BaseUri;

    public FakeApiBehaviour Behaviour { get; } = new();

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The service and pod proxy: register the local servers behind it with <see cref="FakeProxy.Route"/>.</summary>
    public FakeProxy Proxy { get; } = new();

    public static Task<FakeKubernetesApi> StartAsync() =>
        LoopbackServer.StartAsync(host => new FakeKubernetesApi(host), (server, app) => app.Map("/{**path}", server.HandleAsync));

    /// <summary>Stores an object as if created by someone else (pods, nodes placed by a test).</summary>
    public void Seed(string collectionPath, JsonObject obj)
    {
        var path = ResourcePath.Parse(collectionPath) ?? throw new ArgumentException($"not a collection: {collectionPath}", nameof(collectionPath));
        lock (_gate)
        {
            Store(path, obj);
        }
    }

    /// <summary>Every stored object of a collection path such as <c>apis/chaos-mesh.org/v1alpha1/podchaos</c> across namespaces.</summary>
    public IReadOnlyList<JsonObject> All(string group, string plural) =>
        [.. _objects.Where(o => o.Key.StartsWith($"{group}|{plural}|", StringComparison.Ordinal)).Select(o => o.Value)];

    public JsonObject? Get(string group, string plural, string? ns, string name) =>
        _objects.TryGetValue(ResourcePath.Key(group, plural, ns, name), out var o) ? o : null;

    /// <summary>Drops finalizers of every object being deleted, as a controller finishing its cleanup would.</summary>
    public void ReleaseFinalizers()
    {
        foreach (var (key, obj) in _objects)
        {
            if (obj["metadata"]?["deletionTimestamp"] is not null)
            {
                _objects.TryRemove(key, out _);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync().ConfigureAwait(false);
        Proxy.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var raw = context.Request.Path.Value?.Trim('/') ?? "";
        Requests.Enqueue($"{method} /{raw}{context.Request.QueryString}");
        Behaviour.OnRequest?.Invoke(method, raw);
        if (Behaviour.Intercept(method, raw) is { } forced)
        {
            await WriteAsync(context, forced, Status(forced, "scripted failure")).ConfigureAwait(false);
            return;
        }

        if (await Proxy.TryHandleAsync(context, raw, (code, message) => WriteAsync(context, code, Status(code, message, "ServiceUnavailable"))).ConfigureAwait(false))
        {
            return;
        }

        var subresource = "";
        if (raw.EndsWith("/status", StringComparison.Ordinal) || raw.EndsWith("/eviction", StringComparison.Ordinal))
        {
            subresource = raw[(raw.LastIndexOf('/') + 1)..];
            raw = raw[..raw.LastIndexOf('/')];
        }

        var path = ResourcePath.Parse(raw);
        if (path is null)
        {
            await WriteAsync(context, 404, Status(404, $"no route /{raw}")).ConfigureAwait(false);
            return;
        }

        JsonObject? body = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            body = await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false) as JsonObject;
        }

        var (status, result) = Dispatch(method, path, subresource, body,
            context.Request.Query["labelSelector"].ToString(), context.Request.Query["fieldSelector"].ToString());
        await WriteAsync(context, status, result).ConfigureAwait(false);
    }

    private (int Status, JsonNode Body) Dispatch(string method, ResourcePath path, string subresource, JsonObject? body, string selector, string fields)
    {
        lock (_gate)
        {
            return (method, path.Name is null, subresource) switch
            {
                ("GET", true, _) => (200, List(path, selector, fields)),
                ("POST", true, _) when body is not null => Create(path, body),
                ("GET", false, _) => Find(path) is { } o ? (200, o.DeepClone()) : NotFound(path),
                ("POST", false, "eviction") => Evict(path),
                ("PATCH", false, _) when body is not null => Patch(path, body, subresource),
                ("PUT", false, _) when body is not null => Replace(path, body, subresource),
                ("DELETE", false, _) => Delete(path),
                _ => (405, Status(405, $"{method} not supported here")),
            };
        }
    }

    private JsonObject List(ResourcePath path, string selector, string fields)
    {
        var match = LabelSelector.Parse(selector);
        var fieldMatch = FieldSelector.Parse(fields);
        var items = _objects
            .Where(o => path.Contains(o.Key) && match(o.Value["metadata"]?["labels"] as JsonObject) && fieldMatch(o.Value))
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => (JsonNode?)o.Value.DeepClone());
        return new JsonObject
        {
            ["apiVersion"] = path.ApiVersion,
            ["kind"] = "List",
            ["metadata"] = new JsonObject { ["resourceVersion"] = _version.ToString(CultureInfo.InvariantCulture) },
            ["items"] = new JsonArray([.. items]),
        };
    }

    private (int, JsonNode) Create(ResourcePath collection, JsonObject body)
    {
        var name = body["metadata"]?["name"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name))
        {
            return (422, Status(422, "metadata.name: Required value"));
        }

        var path = collection with { Name = name };
        if (Find(path) is not null)
        {
            return (409, Status(409, $"{collection.Plural} \"{name}\" already exists", "AlreadyExists"));
        }

        if (Behaviour.RejectCreate?.Invoke(body) is { } reason)
        {
            return (422, Status(422, reason, "Invalid"));
        }

        var stored = Store(path, body);
        Behaviour.OnCreated?.Invoke(stored);
        return (201, stored.DeepClone());
    }

    private JsonObject Store(ResourcePath path, JsonObject body)
    {
        var obj = (JsonObject)body.DeepClone();
        var metadata = obj["metadata"] as JsonObject ?? new JsonObject();
        obj["metadata"] = metadata;
        var name = path.Name ?? metadata["name"]!.GetValue<string>();
        metadata["name"] = name;
        if (path.Namespace is not null)
        {
            metadata["namespace"] = path.Namespace;
        }

        metadata["uid"] ??= Guid.NewGuid().ToString();
        metadata["creationTimestamp"] ??= Behaviour.Now().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        metadata["resourceVersion"] = (++_version).ToString(CultureInfo.InvariantCulture);
        _objects[ResourcePath.Key(path.Group, path.Plural, path.Namespace, name)] = obj;
        return obj;
    }

    private (int, JsonNode) Patch(ResourcePath path, JsonObject patch, string subresource)
    {
        if (Find(path) is not { } current)
        {
            return NotFound(path);
        }

        var merged = (JsonObject)current.DeepClone();
        // The status subresource changes status only; the main resource ignores status, as the API does.
        if (subresource == "status")
        {
            merged["status"] = MergePatch.Apply(merged["status"], patch["status"]);
        }
        else
        {
            patch.Remove("status");
            merged = (JsonObject)MergePatch.Apply(merged, patch)!;
            BumpGeneration(current, merged);
        }

        var stored = Store(path, merged);
        // The answer is the object as written; a controller reacting to it (the hook) acts after the response.
        var answer = stored.DeepClone();
        Behaviour.OnPatched?.Invoke(stored);
        return (200, answer);
    }

    private (int, JsonNode) Replace(ResourcePath path, JsonObject body, string subresource)
    {
        if (Find(path) is not { } current)
        {
            return NotFound(path);
        }

        var expected = body["metadata"]?["resourceVersion"]?.GetValue<string>();
        if (expected is not null && expected != current["metadata"]?["resourceVersion"]?.GetValue<string>())
        {
            return (409, Status(409, $"Operation cannot be fulfilled on {path.Plural} \"{path.Name}\": the object has been modified", "Conflict"));
        }

        var replaced = (JsonObject)body.DeepClone();
        if (subresource == "status")
        {
            var whole = (JsonObject)current.DeepClone();
            whole["status"] = replaced["status"]?.DeepClone();
            replaced = whole;
        }
        else
        {
            replaced["status"] = current["status"]?.DeepClone();
            BumpGeneration(current, replaced);
        }

        return (200, Store(path, replaced).DeepClone());
    }

    private (int, JsonNode) Delete(ResourcePath path)
    {
        if (Find(path) is not { } current)
        {
            return NotFound(path);
        }

        if (Behaviour.HoldOnDelete?.Invoke(current) == true || current["metadata"]?["finalizers"] is JsonArray { Count: > 0 })
        {
            current["metadata"]!["deletionTimestamp"] ??= Behaviour.Now().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            return (200, current.DeepClone());
        }

        // Like the API server: 200 with the object as it was (a Status body would not parse as a typed pod or claim).
        _objects.TryRemove(ResourcePath.Key(path.Group, path.Plural, path.Namespace, path.Name), out _);
        if (path.Group.Length == 0 && path.Plural == "pods")
        {
            // Pods are deleted gracefully: the answer carries the pod with its deletionTimestamp.
            current["metadata"]!["deletionTimestamp"] ??= Behaviour.Now().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }

        return (200, current.DeepClone());
    }

    private (int, JsonNode) Evict(ResourcePath pod)
    {
        if (Find(pod) is null)
        {
            return NotFound(pod);
        }

        _objects.TryRemove(ResourcePath.Key(pod.Group, pod.Plural, pod.Namespace, pod.Name), out _);
        Behaviour.OnEvicted?.Invoke(pod.Namespace!, pod.Name!);
        return (201, Status(201, "evicted", "Success"));
    }

    // As the API server: metadata.generation counts changes of spec (metadata and status changes leave it).
    private static void BumpGeneration(JsonObject current, JsonObject changed)
    {
        if (!JsonNode.DeepEquals(current["spec"], changed["spec"]) && changed["metadata"] is JsonObject metadata)
        {
            // Parsed from its text: a seeded int and a parsed number read alike.
            var generation = current["metadata"]?["generation"] is { } g ? long.Parse(g.ToJsonString(), CultureInfo.InvariantCulture) : 1;
            metadata["generation"] = generation + 1;
        }
    }

    private JsonObject? Find(ResourcePath path) =>
        _objects.TryGetValue(ResourcePath.Key(path.Group, path.Plural, path.Namespace, path.Name), out var o) ? o : null;

    private static (int, JsonNode) NotFound(ResourcePath path) => (404, Status(404, $"{path.Plural} \"{path.Name}\" not found", "NotFound"));

    private static JsonObject Status(int code, string message, string? reason = null) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = code < 300 ? "Success" : "Failure",
        ["message"] = message,
        ["reason"] = reason ?? (code < 300 ? "" : "InternalError"),
        ["code"] = code,
    };

    private static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false })).ConfigureAwait(false);
    }
}
