namespace Dqe.Core.Engines;

/// <summary>
/// How to authenticate to an engine: HTTP basic (user + password) or a bearer token (JWT).
/// <see cref="ToString"/> never prints the secret.
/// </summary>
public sealed record EngineCredentials
{
    private EngineCredentials(string? user, string? password, string? token)
    {
        User = user;
        Password = password;
        BearerToken = token;
    }

    public string? User { get; }

    public string? Password { get; }

    public string? BearerToken { get; }

    public static EngineCredentials Basic(string user, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentNullException.ThrowIfNull(password);
        if (user.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("Basic auth user must not contain ':'.", nameof(user));
        }

        return new EngineCredentials(user, password, null);
    }

    public static EngineCredentials Bearer(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new EngineCredentials(null, null, token);
    }

    internal System.Net.Http.Headers.AuthenticationHeaderValue ToHeader() => BearerToken is { } token
        ? new("Bearer", token)
        : new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{User}:{Password}")));

    public override string ToString() => BearerToken is null ? $"Basic({User}, ***)" : "Bearer(***)";

    /// <summary>Refuses to send a secret over plain HTTP unless the caller explicitly allowed it.</summary>
    internal static void EnsureSafeTransport(EngineCredentials? credentials, Uri uri, bool allowInsecure, string field)
    {
        if (credentials is not null && !allowInsecure && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException(
                $"{field}: credentials are only sent over https (got {uri.Scheme}://{uri.Authority}); set AllowInsecureCredentials to override.", field);
        }
    }
}
