using System.Collections.Concurrent;
using System.Text.Json;
using Dqe.Core.Kubernetes;

namespace Dqe.Core.Secrets;

/// <summary>
/// Secrets Manager's GetSecretValue over its JSON 1.1 protocol, signed with SigV4 from the function's role (the
/// SDK package is not served here and one call does not need it). Values are cached for <see cref="CacheFor"/>
/// so a warm function does not call per invocation, and a rotated secret is picked up within that time;
/// <see cref="GetSecretStageAsync"/> reads past the cache (an engine refused the cached password).
/// </summary>
public sealed class SecretsManagerStore : ISecretStore
{
    /// <summary>How long a value is reused: short enough for rotation, long enough to keep calls rare.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private readonly SecretsManagerApi _api;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <param name="endpoint">Service endpoint; default <c>https://secretsmanager.REGION.amazonaws.com/</c> (the VPC endpoint's private DNS answers there too).</param>
    public SecretsManagerStore(HttpClient http, IAwsCredentialsSource credentials, string region, TimeProvider time, Uri? endpoint = null)
    {
        _api = new SecretsManagerApi(http, credentials, region, time, endpoint);
        _time = time;
    }

    public async Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretId);
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(secretId, out var cached) && cached.Until > now)
        {
            return cached.Value;
        }

        var value = await FetchAsync(secretId, stage: null, cancellationToken).ConfigureAwait(false);
        _cache[secretId] = (value, now + CacheFor);
        return value;
    }

    public async Task<string?> GetSecretStageAsync(string secretId, string stage, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretId);
        ArgumentException.ThrowIfNullOrEmpty(stage);
        string value;
        try
        {
            value = await FetchAsync(secretId, stage, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretUnavailableException e) when (e.InnerException is SecretsManagerException { IsNotFound: true })
        {
            // No version carries the label (a secret that never rotated has no AWSPREVIOUS).
            return null;
        }

        if (stage == Rotation.SecretMetadata.Current)
        {
            _cache[secretId] = (value, _time.GetUtcNow() + CacheFor);
        }

        return value;
    }

    /// <summary>The version labelled <paramref name="stage"/>, AWSCURRENT when null.</summary>
    private async Task<string> FetchAsync(string secretId, string? stage, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new GetSecretValueRequest(secretId, VersionStage: stage), SecretsJsonContext.Default.GetSecretValueRequest);
        string text;
        try
        {
            text = await _api.CallAsync("GetSecretValue", body, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new SecretUnavailableException($"secret '{secretId}': Secrets Manager at {_api.Endpoint} is unreachable: {e.Message}", e);
        }
        catch (SecretsManagerException e)
        {
            throw new SecretUnavailableException($"secret '{secretId}': {e.Message}", e);
        }

        GetSecretValueResponse? document;
        try
        {
            document = JsonSerializer.Deserialize(text, SecretsJsonContext.Default.GetSecretValueResponse);
        }
        catch (JsonException e)
        {
            throw new SecretUnavailableException($"secret '{secretId}': Secrets Manager's answer is not JSON", e);
        }

        return document?.SecretString ?? throw new SecretUnavailableException($"secret '{secretId}' has no SecretString (binary secrets are not supported)");
    }
}
