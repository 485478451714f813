using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Dqe.TestServers.Kubernetes;

/// <summary>
/// The API server's service and pod proxy (<c>/api/v1/namespaces/{ns}/{services|pods}/{scheme}:{name}:{port}/proxy/{path}</c>)
/// for <see cref="FakeKubernetesApi"/>: forwards method, query, body and headers to the local server a test registered
/// for that target, dropping <c>Authorization</c> (the API server consumes it) and hop-by-hop headers, and copies the
/// response back. An unregistered target answers 503 like a service without endpoints.
/// </summary>
public sealed partial class FakeProxy : IDisposable
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "Content-Length",
    };

    private readonly ConcurrentDictionary<string, Uri> _targets = new(StringComparer.Ordinal);
    private readonly HttpClient _http = new(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None });

    /// <summary>Authorization headers the proxy received (and did not forward), in order.</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>Request headers as the target received them, per request, in order.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Forwarded { get; } = new();

    /// <summary>Routes <c>{resource}/{scheme}:{name}:{port}</c> in <paramref name="ns"/> (e.g. services, http:prometheus:9090) to <paramref name="target"/>.</summary>
    public void Route(string resource, string ns, string id, Uri target) => _targets[$"{ns}/{resource}/{id}"] = target;

    /// <summary>True when <paramref name="path"/> (no leading slash) is a proxy path; then the response is written.</summary>
    public async Task<bool> TryHandleAsync(HttpContext context, string path, Func<int, string, Task> error)
    {
        var match = ProxyPath().Match(path);
        if (!match.Success)
        {
            return false;
        }

        Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
        var key = $"{match.Groups["ns"].Value}/{match.Groups["resource"].Value}/{match.Groups["id"].Value}";
        if (!_targets.TryGetValue(key, out var target))
        {
            await error(503, $"no endpoints available for {key}").ConfigureAwait(false);
            return true;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(target, match.Groups["rest"].Value + context.Request.QueryString));
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        var forwarded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers.Where(h => !Dropped.Contains(h.Key)))
        {
            forwarded[name] = values.ToString();
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        Forwarded.Enqueue(forwarded);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !Dropped.Contains(h.Key)))
        {
            context.Response.Headers[name] = values.ToArray();
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        return true;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("^api/v1/namespaces/(?<ns>[^/]+)/(?<resource>services|pods)/(?<id>[^/]+)/proxy/?(?<rest>.*)$")]
    private static partial Regex ProxyPath();
}
