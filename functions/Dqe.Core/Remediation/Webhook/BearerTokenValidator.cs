using System.Security.Cryptography;
using System.Text;

namespace Dqe.Core.Remediation.Webhook;

/// <summary>
/// Checks an <c>Authorization: Bearer</c> header against every currently valid token (several during a rotation),
/// in constant time per token and always comparing against all of them, so timing reveals neither the token nor
/// which one matched.
/// </summary>
public sealed class BearerTokenValidator
{
    private const string Scheme = "Bearer ";
    private readonly byte[][] _tokenHashes;

    public BearerTokenValidator(IEnumerable<string> validTokens)
    {
        ArgumentNullException.ThrowIfNull(validTokens);
        _tokenHashes = validTokens
            .Select(t => t.Trim())
            .Where(t => t.Length > 0)
            .Select(t => SHA256.HashData(Encoding.UTF8.GetBytes(t)))
            .ToArray();
        if (_tokenHashes.Length == 0)
        {
            throw new ArgumentException("at least one non-empty token is required", nameof(validTokens));
        }
    }

    /// <summary>Throws a 401 <see cref="WebhookRejectedException"/> unless the header carries a valid token.</summary>
    public void Authenticate(string? authorizationHeader)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            throw new WebhookRejectedException(401, "Authorization", "missing; send 'Authorization: Bearer <token>'");
        }

        if (!authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new WebhookRejectedException(401, "Authorization", "must use the Bearer scheme");
        }

        // Hashing first gives equal-length inputs, so FixedTimeEquals does not leak the token length either.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorizationHeader[Scheme.Length..].Trim()));
        var matched = false;
        foreach (var hash in _tokenHashes)
        {
            matched |= CryptographicOperations.FixedTimeEquals(presented, hash);
        }

        if (!matched)
        {
            throw new WebhookRejectedException(401, "Authorization", "the bearer token is not valid");
        }
    }

    /// <summary>Reads tokens from a file: one per line (blank lines and '#' comments ignored), as a rotation keeps two.</summary>
    public static BearerTokenValidator FromFile(string path) =>
        new(File.ReadAllLines(path).Where(l => !l.TrimStart().StartsWith('#')));
}
