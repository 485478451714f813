using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dqe.Cdk.Engines;

/// <summary>
/// Trino's file-based system access control (rules.json) from the roles of <see cref="EngineUsers"/>. Anything no
/// rule allows is denied, so a user missing from every rule can authenticate but not query. The automation user
/// keeps full access (benchmarks create and drop tables, backups and chaos probes read everything).
/// </summary>
internal static class TrinoAccessRules
{
    /// <summary>Catalogs the readonly role may read: the lake and the generated benchmark data, not Kafka or PostgreSQL.</summary>
    public static readonly IReadOnlyList<string> ReadonlyCatalogs = ["hive", "tpch", "tpcds", "system"];

    private static readonly string[] AllPrivileges = ["SELECT", "INSERT", "DELETE", "UPDATE", "OWNERSHIP", "GRANT_SELECT"];

    public static string Json(string automationUser, IReadOnlyList<EngineUser> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var admins = Users([automationUser, .. Named(people, "admin")]);
        var analysts = Users(Named(people, "analyst"));
        var readers = Users(Named(people, "readonly"));
        var limited = Users([.. Named(people, "analyst"), .. Named(people, "readonly")]);

        var catalogs = new JsonArray(Rule(admins, ("catalog", ".*"), ("allow", "all")));
        AddIf(catalogs, analysts, ("catalog", ".*"), ("allow", "read-only"));
        AddIf(catalogs, readers, ("catalog", $"({string.Join('|', ReadonlyCatalogs)})"), ("allow", "read-only"));

        var schemas = new JsonArray(Rule(admins, ("owner", true)));
        AddIf(schemas, limited, ("owner", false));

        var tables = new JsonArray(Rule(admins, ("privileges", Strings(AllPrivileges))));
        AddIf(tables, limited, ("privileges", Strings(["SELECT"])));

        // Own queries are always visible and killable; admins see and kill everyone's.
        var queries = new JsonArray(Rule(admins, ("allow", Strings(["execute", "kill", "view"]))));
        AddIf(queries, limited, ("allow", Strings(["execute"])));

        // Analysts tune their own sessions (join distribution, memory per query stays capped by the cluster limits).
        var sessions = new JsonArray(Rule(Users([automationUser, .. Named(people, "admin"), .. Named(people, "analyst")]), ("allow", true)));

        var rules = new JsonObject
        {
            ["catalogs"] = catalogs,
            ["schemas"] = schemas,
            ["tables"] = tables,
            ["queries"] = queries,
            ["system_session_properties"] = sessions,
            ["system_information"] = new JsonArray(Rule(admins, ("allow", Strings(["read", "write"])))),
        };
        return rules.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static IEnumerable<string> Named(IReadOnlyList<EngineUser> people, string role) => people.Where(p => p.Role == role).Select(p => p.Name);

    /// <summary>A user regex matching exactly these names (validated: no metacharacters), or null when there are none.</summary>
    private static string? Users(IEnumerable<string> names) => names.ToList() is { Count: > 0 } list ? $"({string.Join('|', list)})" : null;

    private static void AddIf(JsonArray rules, string? users, params (string Key, JsonNode? Value)[] fields)
    {
        if (users is not null)
        {
            rules.Add(Rule(users, fields));
        }
    }

    private static JsonObject Rule(string? users, params (string Key, JsonNode? Value)[] fields)
    {
        var rule = new JsonObject { ["user"] = users };
        foreach (var (key, value) in fields)
        {
            rule[key] = value;
        }

        return rule;
    }

    private static JsonArray Strings(IEnumerable<string> values) => [.. values.Select(v => (JsonNode)v)];
}
