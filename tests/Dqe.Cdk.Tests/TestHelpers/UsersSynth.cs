using System.Text.Json.Nodes;

namespace Dqe.Cdk.Tests.TestHelpers;

/// <summary>dev with three people (one per role) in engines.users, synthesized once for the users and rotation tests.</summary>
internal static class UsersSynth
{
    public static readonly (string Name, string Role)[] People = [("alice", "admin"), ("bob_b", "analyst"), ("carol", "readonly")];

    private static readonly Lazy<SynthesizedEnv> Dev = new(() => Synth.Fresh("dev", WithPeople));

    public static SynthesizedEnv Env => Dev.Value;

    public static void WithPeople(JsonObject context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dev = context["dqe:environments"]!["dev"]!.AsObject();
        if (dev["engines"] is not JsonObject engines)
        {
            engines = [];
            dev["engines"] = engines;
        }

        engines["users"] = new JsonArray([.. People.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["role"] = p.Role })]);
    }
}
