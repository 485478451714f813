using System.Text;
using System.Text.Json;

namespace Dqe.Core.Remediation.Lambda;

/// <summary>
/// Asks Prometheus' HTTP API (<c>GET /api/v1/query</c>) for the alert's <c>ALERTS</c> series: firing while the
/// instant vector is non-empty. Only the labels that identify the target are matched, because Alertmanager adds
/// external labels the local series do not carry.
/// </summary>
public sealed class PrometheusAlertSource : IAlertSource
{
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;

    public PrometheusAlertSource(HttpClient http, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _http = http;
        _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
    }

    /// <summary>The PromQL selector, label values escaped as PromQL double-quoted strings.</summary>
    public static string Query(string alertName, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var query = new StringBuilder("ALERTS{alertstate=\"firing\",alertname=\"").Append(Escape(alertName)).Append('"');
        foreach (var (name, value) in labels.Where(l => l.Key != "alertname").OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            query.Append(',').Append(name).Append("=\"").Append(Escape(value)).Append('"');
        }

        return query.Append('}').ToString();
    }

    public async Task<bool> IsFiringAsync(string alertName, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        var url = new Uri(_baseUrl, "api/v1/query?query=" + Uri.EscapeDataString(Query(alertName, labels)));
        using var response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        using var document = ParseOrNull(body);
        var root = document?.RootElement;
        if (!response.IsSuccessStatusCode || root?.TryGetProperty("status", out var status) != true || status.GetString() != "success")
        {
            var error = root is { } r && r.TryGetProperty("error", out var e) ? e.GetString() : $"HTTP {(int)response.StatusCode}";
            throw new InvalidOperationException($"Prometheus query at {_baseUrl} failed: {error}");
        }

        return root.Value.GetProperty("data").GetProperty("result").GetArrayLength() > 0;
    }

    private static JsonDocument? ParseOrNull(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
