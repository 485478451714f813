using System.Text.RegularExpressions;

namespace Dqe.Core.Engines.ClickHouse;

/// <summary>
/// Connection defaults for <see cref="ClickHouseClient"/> (HTTP interface, default port 8123). Defaults: database
/// <c>default</c>, gzip response compression on, 60 s until response headers, 5 attempts on connection errors,
/// credentials only over https.
/// </summary>
public sealed partial record ClickHouseClientOptions
{
    public required Uri Server { get; init; }

    public string Database { get; init; } = "default";

    /// <summary>Basic credentials (user + password); null = the server's <c>default</c> user without password.</summary>
    public EngineCredentials? Credentials { get; init; }

    public ClickHouseAuthMode AuthMode { get; init; } = ClickHouseAuthMode.Headers;

    public bool AllowInsecureCredentials { get; init; }

    /// <summary>Ask the server to gzip responses (<c>enable_http_compression=1</c>).</summary>
    public bool Compression { get; init; } = true;

    /// <summary>Settings sent with every query (per-query settings win).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public RetryOptions Retry { get; init; } = new();

    public void Validate()
    {
        if (!Server.IsAbsoluteUri || (Server.Scheme != Uri.UriSchemeHttp && Server.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Server must be an absolute http(s) URL, got '{Server}'.", nameof(Server));
        }

        if (!Identifier().IsMatch(Database))
        {
            throw new ArgumentException($"Database '{Database}' is not a plain identifier.", nameof(Database));
        }

        if (Credentials?.BearerToken is not null)
        {
            throw new ArgumentException("ClickHouse takes user + password credentials, not a bearer token.", nameof(Credentials));
        }

        foreach (var name in Settings.Keys)
        {
            if (!Identifier().IsMatch(name))
            {
                throw new ArgumentException($"Settings: '{name}' is not a setting name.", nameof(Settings));
            }
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("RequestTimeout must be positive.", nameof(RequestTimeout));
        }

        Retry.Validate();
        EngineCredentials.EnsureSafeTransport(Credentials, Server, AllowInsecureCredentials, nameof(Credentials));
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    internal static partial Regex Identifier();
}
