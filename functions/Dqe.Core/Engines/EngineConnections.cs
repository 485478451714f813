using Dqe.Core.Engines.ClickHouse;
using Dqe.Core.Engines.Trino;
using Dqe.Core.Hosting;
using Dqe.Core.Secrets;

namespace Dqe.Core.Engines;

/// <summary>
/// The engine clients of a deployed function, from what the CDK app put in its environment
/// (<see cref="FunctionVariables"/>): the engines' private URLs, the ARNs of the engine users' secrets (read at run
/// time, attached only to requests to those URLs) and the engines' CA (TLS verified against it, never disabled).
/// Locally, without the secret variables, the clients connect without credentials.
/// </summary>
public sealed class EngineConnections : IDisposable
{
    private readonly IFunctionEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly ISecretStore _secrets;
    private readonly Lazy<(Uri Url, HttpClient Http)> _trino;
    private readonly Lazy<(Uri Url, HttpClient Http)> _clickHouse;

    public EngineConnections(IFunctionEnvironment environment, ISecretStore secrets, TimeProvider time)
    {
        _environment = environment;
        _time = time;
        _secrets = secrets;
        var trust = new EngineTrust();
        _trino = new(() => Connect(FunctionVariables.TrinoUrl, FunctionVariables.TrinoSecretArn, clickHouseHeaders: false, secrets, trust));
        _clickHouse = new(() => Connect(FunctionVariables.ClickHouseUrl, FunctionVariables.ClickHouseSecretArn, clickHouseHeaders: true, secrets, trust));
    }

    /// <summary>The configured Trino URL (DQE_TRINO_URL).</summary>
    public Uri TrinoUrl => _trino.Value.Url;

    /// <summary>The configured ClickHouse URL (DQE_CLICKHOUSE_URL).</summary>
    public Uri ClickHouseUrl => _clickHouse.Value.Url;

    /// <summary>A Trino client on the configured URL; <paramref name="configure"/> sets session fields (source, catalog, ...).</summary>
    public TrinoClient Trino(Func<TrinoClientOptions, TrinoClientOptions>? configure = null)
    {
        var (url, http) = _trino.Value;
        var options = new TrinoClientOptions { Server = url };
        return new TrinoClient(configure?.Invoke(options) ?? options, http, _time);
    }

    /// <summary>A ClickHouse client on the configured URL; <paramref name="configure"/> sets database, settings, ...</summary>
    public ClickHouseClient ClickHouse(Func<ClickHouseClientOptions, ClickHouseClientOptions>? configure = null)
    {
        var (url, http) = _clickHouse.Value;
        var options = new ClickHouseClientOptions { Server = url, AuthMode = ClickHouseAuthMode.Headers };
        return new ClickHouseClient(configure?.Invoke(options) ?? options, http, _time);
    }

    /// <summary>The HTTP client for Trino: credentials and CA trust apply only to the configured URL's origin.</summary>
    public HttpClient TrinoHttp => _trino.Value.Http;

    /// <summary>The HTTP client for ClickHouse: credentials and CA trust apply only to the configured URL's origin.</summary>
    public HttpClient ClickHouseHttp => _clickHouse.Value.Http;

    /// <summary>
    /// An HTTP client (owned by the caller) that puts the ClickHouse user in <c>X-ClickHouse-*</c> headers on requests
    /// to <paramref name="origin"/> sent through <paramref name="transport"/>, e.g. the API server's pod proxy, whose TLS
    /// is the transport's (the API server consumes <c>Authorization</c>, so Basic auth would not reach ClickHouse).
    /// </summary>
    public HttpClient ClickHouseHttpVia(Uri origin, HttpMessageHandler transport)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var handler = new EngineSecretHandler(origin, NonEmpty(FunctionVariables.ClickHouseSecretArn), caSecret: null, clickHouseHeaders: true, _secrets, new EngineTrust(), _time, transport);
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public void Dispose()
    {
        if (_trino.IsValueCreated)
        {
            _trino.Value.Http.Dispose();
        }

        if (_clickHouse.IsValueCreated)
        {
            _clickHouse.Value.Http.Dispose();
        }
    }

    private (Uri, HttpClient) Connect(string urlVariable, string secretVariable, bool clickHouseHeaders, ISecretStore secrets, EngineTrust trust)
    {
        var text = _environment.Get(urlVariable);
        if (string.IsNullOrEmpty(text) || !Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"environment variable {urlVariable} must be an http(s) URL, got '{text}'.");
        }

        var secretId = NonEmpty(secretVariable);
        var sockets = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        sockets.SslOptions.RemoteCertificateValidationCallback = trust.Validate;
        var handler = new EngineSecretHandler(url, secretId, NonEmpty(FunctionVariables.EnginesCaSecret), clickHouseHeaders, secrets, trust, _time, sockets);
        // Streaming reads of long results: per-request timeouts are the clients' own (RequestTimeout).
        return (url, new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });
    }

    private string? NonEmpty(string variable) => _environment.Get(variable) is { Length: > 0 } value ? value : null;
}
