using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Dqe.Core.Kubernetes;

namespace Dqe.Core.Secrets;

/// <summary>
/// Secrets Manager's GetSecretValue over its JSON 1.1 protocol, signed with SigV4 from the function's role (the
/// SDK package is not served here and one call does not need it). Values are cached for <see cref="CacheFor"/>
/// so a warm function does not call per invocation, and a rotated secret is picked up within that time.
/// </summary>
public sealed class SecretsManagerStore : ISecretStore
{
    /// <summary>How long a value is reused: short enough for rotation, long enough to keep calls rare.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/x-amz-json-1.1");

    private readonly HttpClient _http;
    private readonly IAwsCredentialsSource _credentials;
    private readonly string _region;
    private readonly Uri _endpoint;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <param name="endpoint">Service endpoint; default <c>https://secretsmanager.REGION.amazonaws.com/</c> (the VPC endpoint's private DNS answers there too).</param>
    public SecretsManagerStore(HttpClient http, IAwsCredentialsSource credentials, string region, TimeProvider time, Uri? endpoint = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _http = http;
        _credentials = credentials;
        _region = region;
        _time = time;
        _endpoint = endpoint ?? new Uri($"https://secretsmanager.{region}.amazonaws.com/");
    }

    public async Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretId);
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(secretId, out var cached) && cached.Until > now)
        {
            return cached.Value;
        }

        var value = await FetchAsync(secretId, now, cancellationToken).ConfigureAwait(false);
        _cache[secretId] = (value, now + CacheFor);
        return value;
    }

    private async Task<string> FetchAsync(string secretId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        var body = JsonSerializer.SerializeToUtf8Bytes(new GetSecretValueRequest(secretId), SecretsJsonContext.Default.GetSecretValueRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = JsonContentType;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "secretsmanager.GetSecretValue");
        SigV4Signer.Sign(request, body, _region, "secretsmanager", credentials, now);

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new SecretUnavailableException($"secret '{secretId}': Secrets Manager at {_endpoint} is unreachable: {e.Message}", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            GetSecretValueResponse? document = null;
            try
            {
                document = JsonSerializer.Deserialize(text, SecretsJsonContext.Default.GetSecretValueResponse);
            }
            catch (JsonException) when (!response.IsSuccessStatusCode)
            {
                // An error page that is not JSON: the status line below says enough.
            }

            if (!response.IsSuccessStatusCode)
            {
                var type = document?.Type is { } t ? t[(t.LastIndexOf('#') + 1)..] : $"HTTP {(int)response.StatusCode}";
                throw new SecretUnavailableException($"secret '{secretId}': {type}: {document?.Message ?? document?.MessageUpper ?? response.ReasonPhrase}");
            }

            return document?.SecretString ?? throw new SecretUnavailableException($"secret '{secretId}' has no SecretString (binary secrets are not supported)");
        }
    }
}
