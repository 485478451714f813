using System.Net.Http.Headers;
using Dqe.Cdk.Tests.TestHelpers;
using Dqe.TestServers;

namespace Dqe.Cdk.Tests.Engines;

/// <summary>
/// The people's ClickHouse users, profiles and quotas exactly as the synthesized installation declares them, rendered
/// as the operator renders users.d and loaded by a real clickhouse-server: each role can do what it should and no more,
/// and the VPC-only network keeps out a connection from elsewhere.
/// </summary>
public sealed class ClickHouseUsersServerTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Passwords = new(StringComparer.Ordinal)
    {
        ["dqe"] = "automation-pw", ["alice"] = "alice-pw-0123456789", ["bob_b"] = "bob-pw-0123456789", ["carol"] = "carol-pw-0123456789",
    };

    // clickhouse-server 18.16 predates settings constraints (19.14); the deployed image reads them.
    private static readonly string[] Unsupported = ["/constraints/"];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private ClickHouseLocalServer _local = null!;
    private ClickHouseLocalServer _vpcOnly = null!;

    public async Task InitializeAsync()
    {
        var configuration = UsersSynth.Env.EngineResources.Object("ClickHouseInstallation", "dqe", "clickhouse")["spec"]!["configuration"]!;
        var everyoneLocal = Passwords.Keys.ToDictionary(u => u, _ => "127.0.0.1", StringComparer.Ordinal);
        _local = await ClickHouseLocalServer.StartAsync(usersXml: OperatorUsersXml.Render(configuration, Passwords, everyoneLocal, Unsupported));
        _vpcOnly = await ClickHouseLocalServer.StartAsync(usersXml: OperatorUsersXml.Render(configuration, Passwords, new Dictionary<string, string>(), Unsupported));
        await QueryAsync(_local, "default", "", "CREATE TABLE default.facts (id UInt32) ENGINE = MergeTree ORDER BY id");
        await QueryAsync(_local, "default", "", "INSERT INTO default.facts VALUES (1), (2)");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _local.DisposeAsync();
        await _vpcOnly.DisposeAsync();
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("bob_b")]
    [InlineData("carol")]
    public async Task Person_RightPassword_LogsInAndReads(string user)
    {
        var (status, body) = await QueryAsync(_local, user, Passwords[user], "SELECT count() FROM default.facts");

        Assert.Equal(200, status);
        Assert.Equal("2", body.Trim());
    }

    [Theory]
    [InlineData("alice", "bob-pw-0123456789")]
    [InlineData("carol", "")]
    public async Task Person_WrongPassword_Refused(string user, string password)
    {
        var (status, body) = await QueryAsync(_local, user, password, "SELECT 1");

        Assert.NotEqual(200, status);
        Assert.Contains("password", body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("bob_b")]
    [InlineData("carol")]
    public async Task ReadOnlyRoles_Write_Refused(string user)
    {
        var (insert, insertError) = await QueryAsync(_local, user, Passwords[user], "INSERT INTO default.facts VALUES (3)");
        var (create, _) = await QueryAsync(_local, user, Passwords[user], "CREATE TABLE default.mine (id UInt32) ENGINE = Memory");

        Assert.NotEqual(200, insert);
        Assert.Contains("readonly", insertError, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(200, create);
        Assert.Equal("2", (await QueryAsync(_local, "default", "", "SELECT count() FROM default.facts")).Body.Trim());
    }

    [Fact]
    public async Task Admin_Write_Allowed()
    {
        var (status, body) = await QueryAsync(_local, "alice", Passwords["alice"], "CREATE TABLE default.scratch (id UInt32) ENGINE = Memory");

        Assert.True(status == 200, body);
        Assert.Equal(200, (await QueryAsync(_local, "alice", Passwords["alice"], "INSERT INTO default.scratch VALUES (7)")).Status);
    }

    [Fact]
    public async Task Settings_AnalystMayChangeThemReadonlyMayNot()
    {
        var (analyst, _) = await QueryAsync(_local, "bob_b", Passwords["bob_b"], "SELECT 1 SETTINGS max_threads = 1");
        var (reader, error) = await QueryAsync(_local, "carol", Passwords["carol"], "SELECT 1 SETTINGS max_threads = 1");

        Assert.Equal(200, analyst);
        Assert.NotEqual(200, reader);
        Assert.Contains("readonly", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Person_FromOutsideTheVpcCidr_Refused()
    {
        var (status, body) = await QueryAsync(_vpcOnly, "alice", Passwords["alice"], "SELECT 1");

        Assert.NotEqual(200, status);
        Assert.Contains("not allowed", body, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<(int Status, string Body)> QueryAsync(ClickHouseLocalServer server, string user, string password, string sql)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.HttpUri) { Content = new StringContent(sql) };
        request.Headers.TryAddWithoutValidation("X-ClickHouse-User", user);
        request.Headers.TryAddWithoutValidation("X-ClickHouse-Key", password);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
