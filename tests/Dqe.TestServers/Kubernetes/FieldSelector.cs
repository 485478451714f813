using System.Text.Json.Nodes;

namespace Dqe.TestServers.Kubernetes;

/// <summary>
/// The field selector syntax of <c>?fieldSelector=</c>: <c>a.b=v</c>, <c>a.b==v</c>, <c>a.b!=v</c>, comma-joined,
/// each a dotted path into the object (e.g. <c>spec.nodeName=node-a</c>, <c>metadata.name=x</c>).
/// </summary>
internal static class FieldSelector
{
    public static Func<JsonObject, bool> Parse(string selector)
    {
        var terms = selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Term).ToList();
        return obj => terms.All(t => t(obj));
    }

    private static Func<JsonObject, bool> Term(string term)
    {
        var negated = term.Contains("!=", StringComparison.Ordinal);
        var op = negated ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=";
        var at = term.IndexOf(op, StringComparison.Ordinal);
        if (at <= 0)
        {
            throw new ArgumentException($"field selector term '{term}' has no operator", nameof(term));
        }

        var path = term[..at].Trim().Split('.');
        var expected = term[(at + op.Length)..].Trim();
        return obj => (Value(obj, path) == expected) != negated;
    }

    private static string? Value(JsonObject obj, string[] path)
    {
        JsonNode? node = obj;
        foreach (var part in path)
        {
            node = node?[part];
        }

        // Unset fields select as "" in the real API (e.g. spec.nodeName= matches unscheduled pods).
        return node is JsonValue value ? value.ToString() : "";
    }
}
