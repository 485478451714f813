using System.Text.Json;
using Dqe.Core.Kubernetes;

namespace Dqe.Core.Secrets;

/// <summary>
/// One Secrets Manager operation over its JSON 1.1 protocol (<c>X-Amz-Target: secretsmanager.OPERATION</c>), SigV4
/// signed with the function's role. An error answer becomes <see cref="SecretsManagerException"/>; an unreachable
/// endpoint surfaces as <see cref="HttpRequestException"/> for the caller to word.
/// </summary>
internal sealed class SecretsManagerApi
{
    private readonly AwsSignedClient _aws;

    public SecretsManagerApi(HttpClient http, IAwsCredentialsSource credentials, string region, TimeProvider time, Uri? endpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _aws = new AwsSignedClient(http, credentials, region, time);
        Endpoint = endpoint ?? new Uri($"https://secretsmanager.{region}.amazonaws.com/");
    }

    public Uri Endpoint { get; }

    public async Task<string> CallAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        var (status, text) = await _aws.PostAsync(Endpoint, "secretsmanager", "application/x-amz-json-1.1", $"secretsmanager.{operation}", body, cancellationToken).ConfigureAwait(false);
        if (status is >= 200 and < 300)
        {
            return text;
        }

        ErrorDocument? document = null;
        try
        {
            document = JsonSerializer.Deserialize(text, SecretsJsonContext.Default.ErrorDocument);
        }
        catch (JsonException)
        {
            // An error page that is not JSON: the status says enough.
        }

        var type = document?.Type is { } t ? t[(t.LastIndexOf('#') + 1)..] : $"HTTP {status}";
        throw new SecretsManagerException(type, status, document?.Message ?? document?.MessageUpper ?? "no error document");
    }
}
