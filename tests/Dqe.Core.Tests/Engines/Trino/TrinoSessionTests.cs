using Dqe.Core.Engines;
using Dqe.Core.Engines.Trino;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Engines.Trino;

public class TrinoSessionTests
{
    [Fact]
    public async Task ExecuteAsync_SetHeaders_UpdateSessionForNextStatement()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("SET SESSION x", "set-session.json");
        harness.Fixture("SELECT n", "paging.json");
        var client = harness.Client(o => o with { SessionProperties = new Dictionary<string, string> { ["join_distribution_type"] = "BROADCAST" } });

        await using (var set = await client.ExecuteAsync(new QueryRequest("SET SESSION x"), default))
        {
            await set.DrainAsync(default);
        }

        await using var next = await client.ExecuteAsync(new QueryRequest("SELECT n"), default);

        var post = harness.Server.Requests.Last(r => r.Method == "POST");
        Assert.Equal("tpch", post.Headers["X-Trino-Catalog"]);
        Assert.Equal("tiny", post.Headers["X-Trino-Schema"]);
        Assert.Equal("query_max_run_time=2h", post.Headers["X-Trino-Session"]);
        Assert.Equal("q1=SELECT%20%3F%20%2B%201", post.Headers["X-Trino-Prepared-Statement"]);
        Assert.Equal("txn-42", post.Headers["X-Trino-Transaction-Id"]);
        Assert.Equal("SELECT ? + 1", client.Session.PreparedStatements["q1"]);
    }

    [Fact]
    public async Task ExecuteAsync_ClearTransactionAndDeallocate_ResetSession()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("START", "set-session.json");
        harness.Fixture("COMMIT", "commit.json");
        var client = harness.Client();
        await (await client.ExecuteAsync(new QueryRequest("START"), default)).DrainAsync(default);

        await (await client.ExecuteAsync(new QueryRequest("COMMIT"), default)).DrainAsync(default);

        Assert.Null(client.Session.TransactionId);
        Assert.Empty(client.Session.PreparedStatements);
    }

    [Fact]
    public async Task ExecuteAsync_BasicAuthWhenAllowedOverHttp_SendsAuthorization()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("SELECT none", "empty.json");
        var client = harness.Client(o => o with { Credentials = EngineCredentials.Basic("alice", "pw"), AllowInsecureCredentials = true });

        await (await client.ExecuteAsync(new QueryRequest("SELECT none"), default)).DrainAsync(default);

        Assert.All(harness.Server.Requests, r => Assert.Equal("Basic YWxpY2U6cHc=", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task ExecuteAsync_Bearer_SendsToken()
    {
        await using var harness = await TrinoHarness.StartAsync();
        harness.Fixture("SELECT none", "empty.json");
        var client = harness.Client(o => o with { Credentials = EngineCredentials.Bearer("eyJ.x.y"), AllowInsecureCredentials = true });

        await (await client.ExecuteAsync(new QueryRequest("SELECT none"), default)).DrainAsync(default);

        Assert.Equal("Bearer eyJ.x.y", harness.Server.Requests.First().Headers["Authorization"]);
    }

    [Theory]
    [InlineData("http://trino:8080/", true, "Credentials")]
    [InlineData("ftp://trino/", false, "Server")]
    public void Constructor_UnsafeOrInvalidOptions_ThrowsNamingField(string server, bool withCredentials, string field)
    {
        var options = new TrinoClientOptions { Server = new Uri(server), Credentials = withCredentials ? EngineCredentials.Basic("a", "b") : null };

        var error = Assert.Throws<ArgumentException>(() => new TrinoClient(options, new HttpClient(), TimeProvider.System));

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void Constructor_SchemaWithoutCatalog_Throws() =>
        Assert.Equal("Schema", Assert.Throws<ArgumentException>(() =>
            new TrinoClient(new TrinoClientOptions { Server = new Uri("https://t/"), Schema = "s" }, new HttpClient(), TimeProvider.System)).ParamName);

    [Fact]
    public void Credentials_ToString_HidesSecret() => Assert.DoesNotContain("pw", EngineCredentials.Basic("alice", "pw").ToString(), StringComparison.Ordinal);
}
