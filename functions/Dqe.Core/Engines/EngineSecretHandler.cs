using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Dqe.Core.Secrets;

namespace Dqe.Core.Engines;

/// <summary>
/// Puts the engine user's credentials (read from Secrets Manager on first use and when the cache expires) on
/// requests to the configured engine origin only — a server named in a workflow input never receives them —
/// and loads the engines' CA into <see cref="EngineTrust"/> before the first connection.
/// </summary>
internal sealed class EngineSecretHandler : DelegatingHandler
{
    private readonly Uri _origin;
    private readonly string? _secretId;
    private readonly string? _caSecret;
    private readonly bool _clickHouseHeaders;
    private readonly ISecretStore _secrets;
    private readonly EngineTrust _trust;
    private readonly SemaphoreSlim _caLoad = new(1, 1);

    public EngineSecretHandler(Uri origin, string? secretId, string? caSecret, bool clickHouseHeaders, ISecretStore secrets, EngineTrust trust, HttpMessageHandler inner)
        : base(inner)
    {
        _origin = origin;
        _secretId = secretId;
        _caSecret = caSecret;
        _clickHouseHeaders = clickHouseHeaders;
        _secrets = secrets;
        _trust = trust;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { } uri && SameOrigin(uri))
        {
            await LoadCaAsync(cancellationToken).ConfigureAwait(false);
            if (_secretId is not null)
            {
                if (uri.Scheme != Uri.UriSchemeHttps)
                {
                    throw new InvalidOperationException($"refusing to send engine credentials over plain HTTP to {_origin}");
                }

                var (user, password) = await UserAsync(cancellationToken).ConfigureAwait(false);
                Apply(request, user, password);
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
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

    private void Apply(HttpRequestMessage request, string user, string password)
    {
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

    private async Task<(string User, string Password)> UserAsync(CancellationToken cancellationToken)
    {
        var text = await _secrets.GetSecretStringAsync(_secretId!, cancellationToken).ConfigureAwait(false);
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
            ? (secret.User, secret.Password)
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
}
