namespace Dqe.Core.Engines.Trino;

/// <summary>
/// Connection and session defaults for <see cref="TrinoClient"/>. Defaults: source <c>dqe</c>, 60 s per HTTP
/// request, 5 retry attempts, credentials only over https.
/// </summary>
public sealed record TrinoClientOptions
{
    public required Uri Server { get; init; }

    public string User { get; init; } = "dqe";

    public string Source { get; init; } = "dqe";

    public string? Catalog { get; init; }

    public string? Schema { get; init; }

    /// <summary>IANA zone id for the session, e.g. <c>UTC</c> or <c>Europe/Berlin</c>; null = cluster default.</summary>
    public string? TimeZone { get; init; }

    public IReadOnlyList<string> ClientTags { get; init; } = [];

    public IReadOnlyDictionary<string, string> SessionProperties { get; init; } = new Dictionary<string, string>();

    public EngineCredentials? Credentials { get; init; }

    /// <summary>Allow credentials over plain http (only for local test clusters).</summary>
    public bool AllowInsecureCredentials { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public RetryOptions Retry { get; init; } = new();

    public void Validate()
    {
        if (!Server.IsAbsoluteUri || (Server.Scheme != Uri.UriSchemeHttp && Server.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Server must be an absolute http(s) URL, got '{Server}'.", nameof(Server));
        }

        if (string.IsNullOrWhiteSpace(User))
        {
            throw new ArgumentException("User must not be empty (Trino requires X-Trino-User).", nameof(User));
        }

        if (Schema is not null && Catalog is null)
        {
            throw new ArgumentException("Schema needs a Catalog.", nameof(Schema));
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("RequestTimeout must be positive.", nameof(RequestTimeout));
        }

        foreach (var tag in ClientTags)
        {
            if (string.IsNullOrWhiteSpace(tag) || tag.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"ClientTags: '{tag}' is empty or contains ','.", nameof(ClientTags));
            }
        }

        foreach (var name in SessionProperties.Keys)
        {
            if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny([',', '=']) >= 0)
            {
                throw new ArgumentException($"SessionProperties: invalid property name '{name}'.", nameof(SessionProperties));
            }
        }

        Retry.Validate();
        EngineCredentials.EnsureSafeTransport(Credentials, Server, AllowInsecureCredentials, nameof(Credentials));
    }
}
