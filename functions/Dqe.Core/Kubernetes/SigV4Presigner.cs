using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dqe.Core.Kubernetes;

/// <summary>
/// AWS Signature Version 4 query-string (presigned URL) signing: canonical request, string to sign,
/// derived key, signature — as documented for SigV4. Kept general (method, path, payload hash) so it can
/// be checked against the published S3 presigned-URL example as well as used for STS.
/// </summary>
internal static class SigV4Presigner
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    public static readonly string EmptyPayloadHash = Convert.ToHexStringLower(SHA256.HashData([]));

    public static string Presign(PresignRequest request, AwsCredentials credentials, DateTimeOffset now)
    {
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var scope = $"{date}/{request.Region}/{request.Service}/aws4_request";
        var headers = request.Headers
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
            .Append(("host", request.Host))
            .OrderBy(h => h.Item1, StringComparer.Ordinal)
            .ToList();
        var signedHeaders = string.Join(';', headers.Select(h => h.Item1));

        var query = new List<KeyValuePair<string, string>>(request.Query)
        {
            new("X-Amz-Algorithm", Algorithm),
            new("X-Amz-Credential", $"{credentials.AccessKeyId}/{scope}"),
            new("X-Amz-Date", amzDate),
            new("X-Amz-Expires", ((int)request.Expires.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
            new("X-Amz-SignedHeaders", signedHeaders),
        };
        if (credentials.SessionToken is { } token)
        {
            query.Add(new("X-Amz-Security-Token", token));
        }

        var canonicalQuery = string.Join('&', query
            .Select(p => (Name: UriEncode(p.Key), Value: UriEncode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
        var canonicalHeaders = string.Concat(headers.Select(h => $"{h.Item1}:{h.Item2}\n"));
        var canonicalRequest = $"{request.Method}\n{request.Path}\n{canonicalQuery}\n{canonicalHeaders}\n{signedHeaders}\n{request.PayloadHash}";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var signature = Signature(credentials.SecretAccessKey, date, request.Region, request.Service, stringToSign);
        return $"https://{request.Host}{request.Path}?{canonicalQuery}&X-Amz-Signature={signature}";
    }

    /// <summary>The derived-key HMAC chain of SigV4 over <paramref name="stringToSign"/>, hex encoded.</summary>
    internal static string Signature(string secretAccessKey, string date, string region, string service, string stringToSign)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Convert.ToHexStringLower(Hmac(key, stringToSign));
    }

    internal static string Hash(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>RFC 3986 encoding as SigV4 requires: only unreserved characters stay, hex in upper case.</summary>
    internal static string UriEncode(string value)
    {
        var builder = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
