using System.Net;
using System.Net.Http.Headers;

namespace Dqe.Core.Engines.Trino;

/// <summary>
/// Client-side session state, sent on each statement and updated from the server's Set/Clear response
/// headers (like cookies): catalog, schema, session properties, prepared statements, roles, transaction.
/// </summary>
public sealed class TrinoSession
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _properties;
    private readonly Dictionary<string, string> _prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _roles = new(StringComparer.Ordinal);

    public TrinoSession(TrinoClientOptions options)
    {
        Catalog = options.Catalog;
        Schema = options.Schema;
        _properties = new Dictionary<string, string>(options.SessionProperties, StringComparer.Ordinal);
    }

    public string? Catalog { get; private set; }

    public string? Schema { get; private set; }

    public string? Path { get; private set; }

    public string? AuthorizationUser { get; private set; }

    /// <summary>Open transaction id, or null outside a transaction.</summary>
    public string? TransactionId { get; private set; }

    public IReadOnlyDictionary<string, string> Properties { get { lock (_gate) { return new Dictionary<string, string>(_properties); } } }

    public IReadOnlyDictionary<string, string> PreparedStatements { get { lock (_gate) { return new Dictionary<string, string>(_prepared); } } }

    internal void ApplyTo(HttpRequestHeaders headers, IReadOnlyDictionary<string, string>? statementProperties)
    {
        lock (_gate)
        {
            var properties = _properties;
            if (statementProperties is { Count: > 0 })
            {
                properties = new Dictionary<string, string>(_properties, StringComparer.Ordinal);
                foreach (var (name, value) in statementProperties)
                {
                    properties[name] = value;
                }
            }

            Add(headers, "X-Trino-Catalog", Catalog);
            Add(headers, "X-Trino-Schema", Catalog is null ? null : Schema);
            Add(headers, "X-Trino-Path", Path);
            Add(headers, "X-Trino-Authorization-User", AuthorizationUser);
            Add(headers, "X-Trino-Session", Join(properties));
            Add(headers, "X-Trino-Prepared-Statement", Join(_prepared));
            Add(headers, "X-Trino-Role", Join(_roles));
            // Sending NONE declares transaction support so START TRANSACTION works.
            headers.TryAddWithoutValidation("X-Trino-Transaction-Id", TransactionId ?? "NONE");
        }
    }

    internal void UpdateFrom(HttpResponseHeaders headers)
    {
        lock (_gate)
        {
            foreach (var (name, values) in headers)
            {
                if (!name.StartsWith("X-Trino-", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var value in values)
                {
                    Apply(name["X-Trino-".Length..].ToUpperInvariant(), value);
                }
            }
        }
    }

    private void Apply(string header, string value)
    {
        switch (header)
        {
            case "SET-CATALOG": Catalog = value; break;
            case "SET-SCHEMA": Schema = value; break;
            case "SET-PATH": Path = value; break;
            case "SET-AUTHORIZATION-USER": AuthorizationUser = value; break;
            case "RESET-AUTHORIZATION-USER": AuthorizationUser = null; break;
            case "SET-SESSION": SetPair(_properties, value); break;
            case "CLEAR-SESSION": _properties.Remove(value.Trim()); break;
            case "SET-ROLE": SetPair(_roles, value); break;
            case "ADDED-PREPARE": SetPair(_prepared, value); break;
            case "DEALLOCATED-PREPARE": _prepared.Remove(Decode(value.Trim())); break;
            case "STARTED-TRANSACTION-ID": TransactionId = value.Trim(); break;
            case "CLEAR-TRANSACTION-ID": TransactionId = null; break;
            default: break;
        }
    }

    private static void SetPair(Dictionary<string, string> target, string headerValue)
    {
        var eq = headerValue.IndexOf('=', StringComparison.Ordinal);
        if (eq > 0)
        {
            target[Decode(headerValue[..eq].Trim())] = Decode(headerValue[(eq + 1)..].Trim());
        }
    }

    private static string Decode(string value) => WebUtility.UrlDecode(value);

    private static string? Join(Dictionary<string, string> pairs) => pairs.Count == 0
        ? null
        : string.Join(',', pairs.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    private static void Add(HttpRequestHeaders headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers.TryAddWithoutValidation(name, value);
        }
    }
}
