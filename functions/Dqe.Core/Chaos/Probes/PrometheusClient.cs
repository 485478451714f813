using System.Globalization;
using System.Text.Json;

namespace Dqe.Core.Chaos.Probes;

/// <summary>
/// Instant queries against Prometheus' HTTP API (<c>GET /api/v1/query?query=...</c>). The value is the first
/// sample of a vector, or the scalar; an empty vector has no value.
/// </summary>
internal sealed class PrometheusClient(HttpClient http, Uri baseUri)
{
    public async Task<double?> QueryAsync(string query, CancellationToken cancellationToken)
    {
        var uri = new Uri(baseUri, "api/v1/query?query=" + Uri.EscapeDataString(query));
        using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        using var document = Parse(body, (int)response.StatusCode);
        var root = document.RootElement;
        if (root.TryGetProperty("status", out var status) && status.GetString() != "success")
        {
            var error = root.TryGetProperty("error", out var e) ? e.GetString() : "unknown error";
            throw new HttpRequestException($"prometheus: {error}");
        }

        var data = root.GetProperty("data");
        var result = data.GetProperty("result");
        return data.GetProperty("resultType").GetString() switch
        {
            "vector" => result.GetArrayLength() == 0 ? null : Sample(result[0].GetProperty("value")),
            "scalar" => Sample(result),
            var other => throw new HttpRequestException($"prometheus: result type '{other}' is not a vector or scalar"),
        };
    }

    // A sample is [unix time, "value"]; the value is a string so NaN and ±Inf survive JSON.
    private static double Sample(JsonElement sample) => sample[1].GetString() switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        var text => double.Parse(text ?? "NaN", NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static JsonDocument Parse(string body, int status)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw new HttpRequestException($"prometheus: HTTP {status}, not a JSON response");
        }
    }
}
