using System.Text.Json.Nodes;

namespace Dqe.TestServers.Kubernetes;

/// <summary>The label selector syntax the API accepts in <c>?labelSelector=</c>: <c>k=v</c>, <c>k==v</c>, <c>k!=v</c>, <c>k</c>, <c>!k</c>, comma-joined.</summary>
internal static class LabelSelector
{
    public static Func<JsonObject?, bool> Parse(string selector)
    {
        var terms = selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Term).ToList();
        return labels => terms.All(t => t(labels));
    }

    private static Func<JsonObject?, bool> Term(string term)
    {
        string? Value(JsonObject? labels, string key) => labels?[key]?.GetValue<string>();
        if (term.Contains("!=", StringComparison.Ordinal))
        {
            var (k, v) = Split(term, "!=");
            return l => Value(l, k) != v;
        }

        if (term.Contains('=', StringComparison.Ordinal))
        {
            var (k, v) = Split(term, term.Contains("==", StringComparison.Ordinal) ? "==" : "=");
            return l => Value(l, k) == v;
        }

        return term.StartsWith('!') ? l => Value(l, term[1..]) is null : l => Value(l, term) is not null;
    }

    private static (string, string) Split(string term, string op)
    {
        var at = term.IndexOf(op, StringComparison.Ordinal);
        return (term[..at].Trim(), term[(at + op.Length)..].Trim());
    }
}
