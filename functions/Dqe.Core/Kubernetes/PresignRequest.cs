namespace Dqe.Core.Kubernetes;

/// <summary>What to presign: the request line, extra signed headers (besides host) and the scope.</summary>
internal sealed record PresignRequest(
    string Method,
    string Host,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Region,
    string Service,
    TimeSpan Expires,
    string PayloadHash);
