using System.Security.Cryptography;
using System.Text;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>
/// A second, deliberately plain SigV4 signature computation (string to sign from the documented steps),
/// so tests check the product's presigned URLs against something that does not share its code.
/// </summary>
public static class IndependentSigV4
{
    public static string Signature(string secret, string date, string region, string service, string amzDate, string canonicalRequest)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        var stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + date + "/" + region + "/" + service + "/aws4_request\n" + hash;
        var key = Mac(Encoding.UTF8.GetBytes("AWS4" + secret), date);
        foreach (var part in new[] { region, service, "aws4_request" })
        {
            key = Mac(key, part);
        }

        return Convert.ToHexStringLower(Mac(key, stringToSign));
    }

    private static byte[] Mac(byte[] key, string data)
    {
        using var hmac = new HMACSHA256(key);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(data));
    }
}
