namespace Dqe.TestServers;

/// <summary>
/// One scripted answer of the replay server. A page body is a QueryResults JSON object without
/// <c>id</c>/<c>nextUri</c>: the server prepends those (a next URI unless <see cref="Last"/>).
/// </summary>
public sealed record TrinoScriptStep
{
    /// <summary>QueryResults JSON (UTF-8), starting with '{'.</summary>
    public byte[]? Page { get; init; }

    /// <summary>Non-200 status to answer instead of a page (e.g. 503), with an optional Retry-After in seconds.</summary>
    public int? Status { get; init; }

    public int? RetryAfterSeconds { get; init; }

    /// <summary>Send the first half of the page, then abort the connection (a coordinator dying mid-page).</summary>
    public bool Die { get; init; }

    /// <summary>No nextUri: the query is finished after this page.</summary>
    public bool Last { get; init; }

    /// <summary>How long the server takes before answering this step (a slow coordinator).</summary>
    public TimeSpan? Delay { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static TrinoScriptStep Json(string json, bool last = false) => new() { Page = System.Text.Encoding.UTF8.GetBytes(json), Last = last };
}
