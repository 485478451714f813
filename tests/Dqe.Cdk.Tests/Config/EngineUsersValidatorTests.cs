using System.Text.Json.Nodes;
using Dqe.Cdk.Config;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Config;

public sealed class EngineUsersValidatorTests
{
    [Fact]
    public void Load_PeopleWithKnownRoles_Typed()
    {
        var config = Synth.Config("dev", UsersSynth.WithPeople);

        Assert.Equal(["alice:admin", "bob_b:analyst", "carol:readonly"], config.Engines.Users.Select(u => $"{u.Name}:{u.Role}"));
        Assert.Empty(Synth.Config("dev").Engines.Users);
    }

    [Theory]
    [InlineData("Alice", "admin", "engines.users[0].name = 'Alice' must be 2-32 characters: a lower-case letter, then lower-case letters, digits or '_'")]
    [InlineData("a-b", "admin", "engines.users[0].name = 'a-b' must be 2-32 characters")]
    [InlineData("x", "admin", "engines.users[0].name = 'x' must be 2-32 characters")]
    [InlineData("dqe", "admin", "engines.users[0].name = 'dqe' is reserved (dqe, default, clickhouse_operator, root)")]
    [InlineData("dave", "owner", "engines.users[0].role = 'owner' must be one of admin, analyst, readonly")]
    public void Load_BadUser_OneClearErrorNamingTheEntry(string name, string role, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c => Users(c, (name, role))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SameNameTwice_Error()
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c => Users(c, ("erin", "admin"), ("erin", "readonly"))));

        Assert.Contains("engines.users[1].name = 'erin' is listed twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownUserKey_Error()
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c =>
        {
            Users(c, ("erin", "admin"));
            c["dqe:environments"]!["dev"]!["engines"]!["users"]![0]!["password"] = "literal";
        }));

        Assert.Contains("password", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rotationDays", 0, "security.rotationDays = 0 must be 1-365")]
    [InlineData("rotationVerifySeconds", 900, "security.rotationVerifySeconds = 900 must be 60-840")]
    public void Load_RotationOutOfRange_Error(string key, int value, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("dev", c => c["dqe:environments"]!["dev"]!["security"]![key] = (double)value));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static void Users(JsonObject context, params (string Name, string Role)[] users) =>
        context["dqe:environments"]!["dev"]!["engines"]!["users"] = new JsonArray([.. users.Select(u => (JsonNode)new JsonObject { ["name"] = u.Name, ["role"] = u.Role })]);
}
