using System.Text;
using System.Text.Json.Nodes;

namespace Dqe.TestServers;

/// <summary>The answers for one statement, served in order: each request (POST or GET nextUri) takes the next step.</summary>
public sealed class TrinoScript(IReadOnlyList<TrinoScriptStep> steps)
{
    // Like Trino's Jackson output: '+' and non-ASCII stay literal instead of \uXXXX escapes.
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public IReadOnlyList<TrinoScriptStep> Steps { get; } = steps;

    /// <summary>Runs on the server once the last step was served: the statement's effect (a created table) becomes visible to later statements.</summary>
    public Action? Finished { get; init; }

    /// <summary>
    /// A query answering <paramref name="rows"/> the way a coordinator does: a QUEUED page without columns, then one page
    /// with columns (name, type and typeSignature) and data. Values are JSON-encoded as Trino encodes them (bigint as a number, varchar as a string).
    /// </summary>
    public static TrinoScript Rows(IReadOnlyList<(string Name, string Type)> columns, IReadOnlyList<object?[]> rows)
    {
        var columnJson = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Name, ["type"] = c.Type, ["typeSignature"] = new JsonObject { ["rawType"] = c.Type, ["arguments"] = new JsonArray() },
        })]);
        var data = new JsonArray([.. rows.Select(r => (JsonNode)new JsonArray([.. r.Select(Encode)]))]);
        var page = new JsonObject { ["columns"] = columnJson, ["data"] = data, ["stats"] = Stats("FINISHED"), ["warnings"] = new JsonArray() };
        return new([Queued(), Page(page, last: true)]);
    }

    /// <summary>
    /// A DDL/DML statement (CREATE TABLE AS, INSERT): RUNNING with <c>updateType</c>, then the final page with the
    /// single bigint column <c>rows</c> holding <paramref name="count"/>, <c>updateType</c> and <c>updateCount</c>.
    /// </summary>
    public static TrinoScript Update(string updateType, long count) => new(
    [
        Page(new JsonObject { ["stats"] = Stats("RUNNING"), ["updateType"] = updateType }, last: false),
        Page(new JsonObject
        {
            ["columns"] = new JsonArray(new JsonObject { ["name"] = "rows", ["type"] = "bigint", ["typeSignature"] = new JsonObject { ["rawType"] = "bigint", ["arguments"] = new JsonArray() } }),
            ["data"] = new JsonArray(new JsonArray(count)),
            ["updateType"] = updateType,
            ["updateCount"] = count,
            ["stats"] = Stats("FINISHED"),
            ["warnings"] = new JsonArray(),
        }, last: true),
    ]);

    /// <summary>A statement the coordinator accepts, then fails: QUEUED, then a FAILED page with the QueryError.</summary>
    public static TrinoScript Failure(string errorName, int errorCode, string errorType, string message) => new(
    [
        Queued(),
        Page(new JsonObject
        {
            ["stats"] = Stats("FAILED"),
            ["error"] = new JsonObject
            {
                ["message"] = message, ["errorCode"] = errorCode, ["errorName"] = errorName, ["errorType"] = errorType,
                ["failureInfo"] = new JsonObject { ["type"] = "io.trino.spi.TrinoException", ["message"] = message, ["suppressed"] = new JsonArray(), ["stack"] = new JsonArray() },
            },
            ["warnings"] = new JsonArray(),
        }, last: true),
    ]);

    private static JsonNode? Encode(object? value) => value switch
    {
        null => null,
        long n => JsonValue.Create(n),
        int n => JsonValue.Create(n),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        string text => JsonValue.Create(text),
        _ => throw new ArgumentException($"no Trino JSON encoding for {value.GetType().Name} in this helper", nameof(value)),
    };

    private static JsonObject Stats(string state) => new() { ["state"] = state, ["queued"] = state == "QUEUED", ["scheduled"] = state != "QUEUED" };

    private static TrinoScriptStep Queued() => Page(new JsonObject { ["stats"] = Stats("QUEUED") }, last: false);

    private static TrinoScriptStep Page(JsonObject page, bool last) => new() { Page = Encoding.UTF8.GetBytes(page.ToJsonString(Relaxed)), Last = last };

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
