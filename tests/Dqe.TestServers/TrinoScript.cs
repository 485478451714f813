using System.Text;
using System.Text.Json.Nodes;

namespace Dqe.TestServers;

/// <summary>The answers for one statement, served in order: each request (POST or GET nextUri) takes the next step.</summary>
public sealed class TrinoScript(IReadOnlyList<TrinoScriptStep> steps)
{
    // Like Trino's Jackson output: '+' and non-ASCII stay literal instead of \uXXXX escapes.
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IReadOnlyList<TrinoScriptStep> Steps { get; } = steps;

    /// <summary>A statement that finishes at once with one bigint column <c>_col0</c> holding <paramref name="value"/> (e.g. <c>SELECT 1</c>).</summary>
    public static TrinoScript Value(long value) => new([new TrinoScriptStep
    {
        Page = Encoding.UTF8.GetBytes("""{"columns":[{"name":"_col0","type":"bigint"}],"data":[[""" + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + """]],"stats":{"state":"FINISHED"}}"""),
        Last = true,
    }]);

    /// <summary>
    /// Loads a fixture: <c>{"steps":[{"page":{...}}, {"status":503,"retryAfter":1}, {"die":true,"page":{...}},
    /// {"page":{...},"headers":{"X-Trino-Set-Catalog":"tpch"}}]}</c>. The last page step finishes the query.
    /// </summary>
    public static TrinoScript Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: empty fixture.");
        var nodes = root["steps"]?.AsArray() ?? throw new InvalidDataException($"{path}: missing 'steps'.");
        var lastPage = -1;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i]?["page"] is not null && nodes[i]?["die"] is null)
            {
                lastPage = i;
            }
        }

        var steps = new List<TrinoScriptStep>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i]!;
            steps.Add(new TrinoScriptStep
            {
                Page = node["page"] is { } page ? Encoding.UTF8.GetBytes(page.ToJsonString(Relaxed)) : null,
                Status = (int?)node["status"],
                RetryAfterSeconds = (int?)node["retryAfter"],
                Die = (bool?)node["die"] ?? false,
                Last = i == lastPage,
                Headers = node["headers"]?.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!) ?? [],
            });
        }

        return new TrinoScript(steps);
    }
}
