using System.Net.Http.Headers;
namespace Dqe.Core.Kubernetes;

/// <summary>
/// One SigV4-signed POST to an AWS service endpoint with the function's role credentials, for the calls Dqe makes
/// without an SDK package (Secrets Manager GetSecretValue, Step Functions StartExecution, SNS Publish).
/// </summary>
internal sealed class AwsSignedClient
{
    private readonly HttpClient _http;
    private readonly IAwsCredentialsSource _credentials;
    private readonly TimeProvider _time;

    public AwsSignedClient(HttpClient http, IAwsCredentialsSource credentials, string region, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _http = http;
        _credentials = credentials;
        Region = region;
        _time = time;
    }

    public string Region { get; }

    /// <summary>Posts <paramref name="body"/>; returns the status and body. Network failures surface as <see cref="HttpRequestException"/> (the caller retries or answers 503).</summary>
    public async Task<(int Status, string Body)> PostAsync(Uri endpoint, string service, string contentType, string? target, byte[] body, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (target is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        }

        SigV4Signer.Sign(request, body, Region, service, credentials, _time.GetUtcNow());
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
    }
}
