namespace Dqe.Core.Remediation.Lambda;

/// <summary>The fields of API Gateway's REST proxy event (payload 1.0) the webhook reads; the rest is ignored.</summary>
public sealed record ApiGatewayRequest(string? HttpMethod, string? Path, IReadOnlyDictionary<string, string?>? Headers, string? Body, bool IsBase64Encoded)
{
    /// <summary>Header lookup ignoring case, as HTTP header names are case-insensitive and API Gateway keeps the client's spelling.</summary>
    public string? Header(string name) =>
        Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
