using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Dqe.Core.Secrets;
using Dqe.Core.Secrets.Rotation;

namespace Dqe.Core.Engines;

/// <summary>
/// Puts the engine user's credentials (read from Secrets Manager on first use and when the cache expires) on
/// requests to the configured engine origin only — a server named in a workflow input never receives them —
/// and loads the engines' CA into <see cref="EngineTrust"/> before the first connection.
/// </summary>
/// <remarks>
/// Rotation without downtime: Secrets Manager moves AWSCURRENT before the engines reload the new password, and a warm
/// function may still hold the old one in its cache. When the engine refuses the credentials, a replayable request
/// is sent again with AWSCURRENT read past the cache and then with AWSPREVIOUS; the pair that worked is used first
/// until the cache would have expired, so only the first request after a change pays the extra round trips.
/// </remarks>
internal sealed class EngineSecretHandler : DelegatingHandler
{
    // Newer ClickHouse servers answer these with 403 and the code in a header; 18.16 answers 401 without the header.
    private static readonly string[] ClickHouseAuthCodes = ["192", "193", "516"]; // UNKNOWN_USER, WRONG_PASSWORD, AUTHENTICATION_FAILED
    private static readonly string[] RetryStages = [SecretMetadata.Current, SecretMetadata.Previous];

    private readonly Uri _origin;
    private readonly string? _secretId;
    private readonly string? _caSecret;
    private readonly bool _clickHouseHeaders;
    private readonly ISecretStore _secrets;
    private readonly EngineTrust _trust;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _caLoad = new(1, 1);
    private Remembered? _remembered;

    public EngineSecretHandler(Uri origin, string? secretId, string? caSecret, bool clickHouseHeaders, ISecretStore secrets, EngineTrust trust, TimeProvider time, HttpMessageHandler inner)
        : base(inner)
    {
        _origin = origin;
        _secretId = secretId;
        _caSecret = caSecret;
        _clickHouseHeaders = clickHouseHeaders;
        _secrets = secrets;
        _trust = trust;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { } uri || !SameOrigin(uri))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        await LoadCaAsync(cancellationToken).ConfigureAwait(false);
        if (_secretId is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"refusing to send engine credentials over plain HTTP to {_origin}");
        }

        var first = Volatile.Read(ref _remembered) is { } remembered && remembered.Until > _time.GetUtcNow()
            ? remembered.Login
            : Parse(await _secrets.GetSecretStringAsync(_secretId, cancellationToken).ConfigureAwait(false));
        Apply(request, first);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // Streamed content was consumed by the first send: its refusal goes back as is.
        if (!Refused(response) || request.Content is not (null or ByteArrayContent or ReadOnlyMemoryContent))
        {
            return response;
        }

        return await RetryAsync(request, uri, first, response, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _caLoad.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool SameOrigin(Uri uri) =>
        string.Equals(uri.Scheme, _origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, _origin.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == _origin.Port;

    /// <summary>Sends <paramref name="request"/> again with fresh AWSCURRENT, then AWSPREVIOUS (each only if it is another pair); the last refusal when none is accepted.</summary>
    private async Task<HttpResponseMessage> RetryAsync(HttpRequestMessage request, Uri uri, Login refused, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var tried = new List<Login> { refused };
        try
        {
            foreach (var stage in RetryStages)
            {
                if (await _secrets.GetSecretStageAsync(_secretId!, stage, cancellationToken).ConfigureAwait(false) is not { } text
                    || Parse(text) is var login && tried.Contains(login))
                {
                    continue;
                }

                tried.Add(login);
                var next = await SendAsAsync(request, uri, login, cancellationToken).ConfigureAwait(false);
                response.Dispose();
                response = next;
                if (!Refused(response))
                {
                    Volatile.Write(ref _remembered, new Remembered(login, _time.GetUtcNow() + SecretsManagerStore.CacheFor));
                    return response;
                }
            }

            return response;
        }
        catch
        {
            // A secret that cannot be read or a retry that fails: the refusal the caller will not see is released here.
            response.Dispose();
            throw;
        }
    }

    /// <summary>A copy of <paramref name="request"/> to the URL checked before the first send (whatever the transport did with that message), as <paramref name="login"/>.</summary>
    private async Task<HttpResponseMessage> SendAsAsync(HttpRequestMessage request, Uri uri, Login login, CancellationToken cancellationToken)
    {
        var retry = Clone(request, uri);
        Apply(retry, login);
        try
        {
            var response = await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
            response.RequestMessage = request;
            return response;
        }
        finally
        {
            // The content is the caller's (disposed with the original request); the copy holds nothing else.
            retry.Content = null;
            retry.Dispose();
        }
    }

    /// <summary>The engine refused the user or password (not a missing grant, which a new password would not fix).</summary>
    private bool Refused(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return true;
        }

        return _clickHouseHeaders && response.Headers.TryGetValues("X-ClickHouse-Exception-Code", out var codes)
            && codes.Any(c => ClickHouseAuthCodes.Contains(c.Trim(), StringComparer.Ordinal));
    }

    private static HttpRequestMessage Clone(HttpRequestMessage request, Uri uri)
    {
        var clone = new HttpRequestMessage(request.Method, uri)
        {
            Content = request.Content,
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)clone.Options)[option.Key] = option.Value;
        }

        return clone;
    }

    private void Apply(HttpRequestMessage request, Login login)
    {
        var (user, password) = (login.User, login.Password);
        if (_clickHouseHeaders)
        {
            request.Headers.Remove("X-ClickHouse-User");
            request.Headers.Remove("X-ClickHouse-Key");
            request.Headers.TryAddWithoutValidation("X-ClickHouse-User", user);
            request.Headers.TryAddWithoutValidation("X-ClickHouse-Key", password);
            return;
        }

        // Trino: basic auth, and the session user must be the authenticated one.
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        request.Headers.Remove("X-Trino-User");
        request.Headers.TryAddWithoutValidation("X-Trino-User", user);
    }

    private Login Parse(string text)
    {
        UserPasswordSecret? secret;
        try
        {
            secret = JsonSerializer.Deserialize(text, SecretsJsonContext.Default.UserPasswordSecret);
        }
        catch (JsonException)
        {
            secret = null;
        }

        return secret is { User.Length: > 0, Password.Length: > 0 }
            ? new Login(secret.User, secret.Password)
            : throw new SecretUnavailableException($"secret '{_secretId}' must be JSON with non-empty \"user\" and \"password\"");
    }

    private async Task LoadCaAsync(CancellationToken cancellationToken)
    {
        if (_caSecret is null || _trust.Anchors is not null)
        {
            return;
        }

        await _caLoad.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_trust.Anchors is null)
            {
                var pem = await _secrets.GetSecretStringAsync(_caSecret, cancellationToken).ConfigureAwait(false);
                var anchors = new X509Certificate2Collection();
                try
                {
                    anchors.ImportFromPem(pem);
                }
                catch (CryptographicException e)
                {
                    throw new SecretUnavailableException($"secret '{_caSecret}' is not PEM certificates: {e.Message}", e);
                }

                _trust.Anchors = anchors.Count > 0 ? anchors : throw new SecretUnavailableException($"secret '{_caSecret}' holds no PEM certificate");
            }
        }
        finally
        {
            _caLoad.Release();
        }
    }

    /// <summary>A user and password; compared by value, printed without the password.</summary>
    private sealed record Login(string User, string Password)
    {
        public override string ToString() => $"{User}:***";
    }

    private sealed record Remembered(Login Login, DateTimeOffset Until);
}
