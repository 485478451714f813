using System.Globalization;
using System.Text;

namespace Dqe.Core.Kubernetes;

/// <summary>
/// AWS Signature Version 4 in the Authorization header, for the JSON-protocol calls Dqe makes without an SDK
/// (Secrets Manager): signs host, x-amz-date, the given headers and the payload hash, and adds the session
/// token header for temporary credentials. Checked against the published SigV4 test suite.
/// </summary>
internal static class SigV4Signer
{
    /// <summary>Adds <c>x-amz-date</c>, <c>x-amz-security-token</c> (when present) and <c>Authorization</c> to <paramref name="request"/>.</summary>
    public static void Sign(HttpRequestMessage request, ReadOnlySpan<byte> payload, string region, string service, AwsCredentials credentials, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var uri = request.RequestUri ?? throw new ArgumentException("the request has no URI", nameof(request));
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Remove("x-amz-date");
        request.Headers.TryAddWithoutValidation("x-amz-date", amzDate);
        if (credentials.SessionToken is { } token)
        {
            request.Headers.Remove("x-amz-security-token");
            request.Headers.TryAddWithoutValidation("x-amz-security-token", token);
        }

        var authorization = Authorization(request.Method.Method, uri, Headers(request), payload, region, service, credentials, amzDate);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
    }

    /// <summary>The Authorization header value for a request whose headers (besides host) are <paramref name="headers"/>.</summary>
    internal static string Authorization(
        string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, ReadOnlySpan<byte> payload,
        string region, string service, AwsCredentials credentials, string amzDate)
    {
        var date = amzDate[..8];
        var scope = $"{date}/{region}/{service}/aws4_request";
        var canonicalHeaders = headers
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
            .Append(("host", uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}"))
            .OrderBy(h => h.Item1, StringComparer.Ordinal)
            .ToList();
        var signedHeaders = string.Join(';', canonicalHeaders.Select(h => h.Item1));
        var path = string.IsNullOrEmpty(uri.AbsolutePath) ? "/" : uri.AbsolutePath;
        var query = string.Join('&', (uri.Query.Length > 1 ? uri.Query[1..] : "")
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: SigV4Presigner.UriEncode(Uri.UnescapeDataString(p[0])), Value: SigV4Presigner.UriEncode(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
        var canonicalRequest = new StringBuilder()
            .Append(method).Append('\n').Append(path).Append('\n').Append(query).Append('\n')
            .Append(string.Concat(canonicalHeaders.Select(h => $"{h.Item1}:{h.Item2}\n"))).Append('\n')
            .Append(signedHeaders).Append('\n').Append(SigV4Presigner.Hash(payload))
            .ToString();
        var stringToSign = $"{SigV4Presigner.Algorithm}\n{amzDate}\n{scope}\n{SigV4Presigner.Hash(Encoding.UTF8.GetBytes(canonicalRequest))}";
        var signature = SigV4Presigner.Signature(credentials.SecretAccessKey, date, region, service, stringToSign);
        return $"{SigV4Presigner.Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    private static IEnumerable<KeyValuePair<string, string>> Headers(HttpRequestMessage request)
    {
        foreach (var header in request.Headers.Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)))
        {
            yield return new(header.Key, string.Join(',', header.Value));
        }

        foreach (var header in request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                yield return new(header.Key, string.Join(',', header.Value));
            }
        }
    }
}
