using System.Text.Json;
using Dqe.Core.Kubernetes;

namespace Dqe.Core.Secrets.Rotation;

/// <summary><see cref="ISecretVersions"/> over Secrets Manager's JSON 1.1 API (SigV4, the function's role), without the SDK.</summary>
public sealed class SecretsManagerVersions : ISecretVersions
{
    private readonly SecretsManagerApi _api;

    public SecretsManagerVersions(HttpClient http, IAwsCredentialsSource credentials, string region, TimeProvider time, Uri? endpoint = null) =>
        _api = new SecretsManagerApi(http, credentials, region, time, endpoint);

    public async Task<SecretMetadata> DescribeAsync(string secretId, CancellationToken cancellationToken)
    {
        var text = await _api.CallAsync("DescribeSecret",
            JsonSerializer.SerializeToUtf8Bytes(new DescribeSecretRequest(secretId), SecretsJsonContext.Default.DescribeSecretRequest), cancellationToken).ConfigureAwait(false);
        var document = JsonSerializer.Deserialize(text, SecretsJsonContext.Default.DescribeSecretResponse)
            ?? throw new SecretsManagerException($"DescribeSecret of '{secretId}' answered null");
        var versions = (document.VersionIdsToStages ?? []).ToDictionary(v => v.Key, v => (IReadOnlyList<string>)v.Value, StringComparer.Ordinal);
        return new SecretMetadata(document.Name ?? secretId, document.RotationEnabled == true, versions);
    }

    public async Task<string?> GetAsync(string secretId, string? versionId, string? stage, CancellationToken cancellationToken)
    {
        try
        {
            var text = await _api.CallAsync("GetSecretValue",
                JsonSerializer.SerializeToUtf8Bytes(new GetSecretValueRequest(secretId, versionId, stage), SecretsJsonContext.Default.GetSecretValueRequest), cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(text, SecretsJsonContext.Default.GetSecretValueResponse)?.SecretString;
        }
        catch (SecretsManagerException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public Task PutPendingAsync(string secretId, string token, string value, CancellationToken cancellationToken) =>
        _api.CallAsync("PutSecretValue", JsonSerializer.SerializeToUtf8Bytes(
            new PutSecretValueRequest(secretId, token, value, [SecretMetadata.Pending]), SecretsJsonContext.Default.PutSecretValueRequest), cancellationToken);

    public Task MoveCurrentAsync(string secretId, string toVersion, string fromVersion, CancellationToken cancellationToken) =>
        _api.CallAsync("UpdateSecretVersionStage", JsonSerializer.SerializeToUtf8Bytes(
            new UpdateSecretVersionStageRequest(secretId, SecretMetadata.Current, toVersion, fromVersion), SecretsJsonContext.Default.UpdateSecretVersionStageRequest), cancellationToken);
}
