using System.Net;
using System.Text;
using Dqe.Core.Engines;
using Dqe.Core.Engines.Trino;
using Dqe.Core.Secrets;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers;

namespace Dqe.Core.Tests.Engines;

/// <summary>
/// The functions' engine clients while their own secret rotates: Secrets Manager moves AWSCURRENT before the engine
/// reloads, and a warm function holds the old value in its cache. Trino through the replay server (a scripted 401 is
/// the coordinator refusing the password; what each attempt carried is asserted), behind a stand-in for its TLS.
/// </summary>
public sealed class EngineSecretHandlerTests : IAsyncLifetime
{
    private static readonly Uri Origin = new("https://trino.test:8443/");
    private static readonly TrinoScriptStep Refusal = new() { Status = 401 };
    private RotatedSecretFixture _secret = null!;
    private TrinoReplayServer _trino = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _secret = await RotatedSecretFixture.StartAsync();
        _trino = await TrinoReplayServer.StartAsync();
        _http = _secret.Client(Origin, _trino.BaseUri, clickHouseHeaders: false);
    }

    public async Task DisposeAsync()
    {
        await _secret.DisposeAsync();
        await _trino.DisposeAsync();
    }

    [Fact]
    public async Task Query_CachedPasswordRefused_FreshAwsCurrentAcceptedAndCachedForTheNext()
    {
        _secret.Put("old");
        await _secret.WarmAsync();
        _secret.Put("new");
        _trino.Script("SELECT 2", new TrinoScript([Refusal, .. TrinoScript.Value(2).Steps]));
        _trino.Script("SELECT 3", TrinoScript.Value(3));

        var rows = await Client().QueryRowsAsync(new QueryRequest("SELECT 2"), CancellationToken.None);
        await Client().QueryRowsAsync(new QueryRequest("SELECT 3"), CancellationToken.None);

        Assert.Equal(2, Assert.Single(rows).Int64("_col0"));
        Assert.Equal([Basic("old"), Basic("new"), Basic("new")], Authorizations());
        Assert.Equal(1, _secret.Reads("AWSCURRENT"));
        Assert.Equal(0, _secret.Reads("AWSPREVIOUS"));
    }

    [Fact]
    public async Task Query_EngineNotReloadedYet_AwsPreviousAcceptedAndRememberedUntilTheCacheExpires()
    {
        _secret.Put("old");
        _secret.Put("new");
        _trino.Script("SELECT 1", new TrinoScript([Refusal, .. TrinoScript.Value(1).Steps]));
        _trino.Script("SELECT 2", TrinoScript.Value(2));
        _trino.Script("SELECT 3", TrinoScript.Value(3));

        await Client().QueryRowsAsync(new QueryRequest("SELECT 1"), CancellationToken.None);
        await Client().QueryRowsAsync(new QueryRequest("SELECT 2"), CancellationToken.None);
        var readsBefore = _secret.Secrets.Requests.Count;
        _secret.Time.Advance(SecretsManagerStore.CacheFor + TimeSpan.FromSeconds(1));
        await Client().QueryRowsAsync(new QueryRequest("SELECT 3"), CancellationToken.None);

        // The fresh AWSCURRENT is the refused value itself, so it is not sent again.
        Assert.Equal([Basic("new"), Basic("old"), Basic("old"), Basic("new")], Authorizations());
        Assert.Equal(1, _secret.Reads("AWSCURRENT"));
        Assert.Equal(1, _secret.Reads("AWSPREVIOUS"));
        Assert.Equal(readsBefore + 1, _secret.Secrets.Requests.Count);
    }

    [Fact]
    public async Task Query_EveryVersionRefused_TheCoordinatorsRefusalSurfaces()
    {
        _secret.Put("v1");
        await _secret.WarmAsync();
        _secret.Put("v2");
        _secret.Put("v3");
        _trino.Script("SELECT 1", new TrinoScript([Refusal, Refusal, Refusal, Refusal]));

        var error = await Assert.ThrowsAsync<QueryEngineException>(() => Client().QueryRowsAsync(new QueryRequest("SELECT 1"), CancellationToken.None));

        Assert.Equal("HTTP_401", error.ErrorName);
        Assert.Contains($"POST {Origin}v1/statement answered 401", error.Message, StringComparison.Ordinal);
        Assert.Equal([Basic("v1"), Basic("v3"), Basic("v2")], Authorizations());
    }

    [Fact]
    public async Task Send_StreamedContentRefused_ReturnedAsIsWithoutReplay()
    {
        _secret.Put("old");
        await _secret.WarmAsync();
        _secret.Put("new");
        _trino.Script("SELECT 1", new TrinoScript([Refusal, .. TrinoScript.Value(1).Steps]));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Origin, "v1/statement"))
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("SELECT 1"))),
        };

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal([Basic("old")], Authorizations());
        Assert.Equal(0, _secret.Reads("AWSCURRENT") + _secret.Reads("AWSPREVIOUS"));
    }

    [Fact]
    public async Task Send_OtherOriginRefused_NeverGetsCredentialsNorReadsTheSecret()
    {
        _secret.Put("old");
        _trino.Script("SELECT 1", new TrinoScript([Refusal, .. TrinoScript.Value(1).Steps]));

        // The same server by its plain address: a URL named in an input, not the configured engine.
        using var response = await _http.PostAsync(new Uri(_trino.BaseUri, "v1/statement"), new StringContent("SELECT 1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var seen = Assert.Single(_trino.Requests);
        Assert.False(seen.Headers.ContainsKey("Authorization"));
        Assert.Empty(_secret.Secrets.Requests);
    }

    [Fact]
    public async Task Query_SecretUnreadableOnRetry_FailsNamingTheSecret()
    {
        _secret.Put("old");
        await _secret.WarmAsync();
        _secret.Secrets.Denied[RotatedSecretFixture.SecretId] = true;
        _trino.Script("SELECT 1", new TrinoScript([Refusal, .. TrinoScript.Value(1).Steps]));

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() => Client().QueryRowsAsync(new QueryRequest("SELECT 1"), CancellationToken.None));

        Assert.StartsWith($"secret '{RotatedSecretFixture.SecretId}': AccessDeniedException", error.Message, StringComparison.Ordinal);
        Assert.Equal([Basic("old")], Authorizations());
    }

    [Theory]
    [InlineData(401, null, true)] // Trino's password authenticator
    [InlineData(403, null, false)] // access control: another password would not help
    [InlineData(500, null, false)]
    public async Task Send_TrinoStatus_ReplayedOnlyWhenItIsARefusedLogin(int status, string? code, bool replayed)
    {
        await AssertReplayAsync(clickHouse: false, status, code, replayed);
    }

    [Theory]
    [InlineData(401, null, true)] // 18.16: "Code: 193 ... Wrong password" without the code header
    [InlineData(403, "516", true)] // newer servers: AUTHENTICATION_FAILED
    [InlineData(403, "192", true)] // UNKNOWN_USER
    [InlineData(403, "193", true)] // WRONG_PASSWORD
    [InlineData(403, "497", false)] // ACCESS_DENIED: a grant, not the password
    [InlineData(500, "60", false)]
    public async Task Send_ClickHouseAnswer_ReplayedOnlyWhenItIsARefusedLogin(int status, string? code, bool replayed)
    {
        await AssertReplayAsync(clickHouse: true, status, code, replayed);
    }

    private async Task AssertReplayAsync(bool clickHouse, int status, string? code, bool replayed)
    {
        _secret.Put("old");
        await _secret.WarmAsync();
        _secret.Put("new");
        var headers = code is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["X-ClickHouse-Exception-Code"] = code };
        _trino.Script("SELECT 1", new TrinoScript([new TrinoScriptStep { Status = status, Headers = headers }, .. TrinoScript.Value(1).Steps]));
        var http = clickHouse ? _secret.Client(Origin, _trino.BaseUri, clickHouseHeaders: true) : _http;

        using var response = await http.PostAsync(new Uri(Origin, "v1/statement"), new StringContent("SELECT 1"));

        Assert.Equal(replayed ? HttpStatusCode.OK : (HttpStatusCode)status, response.StatusCode);
        Assert.Equal(replayed ? 2 : 1, _trino.Requests.Count);
        var keys = _trino.Requests.Select(r => clickHouse ? r.Headers["X-ClickHouse-Key"] : r.Headers["Authorization"]);
        string[] expected = replayed ? [Key("old"), Key("new")] : [Key("old")];
        Assert.Equal(expected, keys);

        string Key(string password) => clickHouse ? password : Basic(password);
    }

    private TrinoClient Client() => new(new TrinoClientOptions { Server = Origin, Retry = new RetryOptions(MaxAttempts: 1) }, _http, _secret.Time);

    private List<string> Authorizations() => [.. _trino.Requests.Where(r => r.Method == "POST").Select(r => r.Headers["Authorization"])];

    private static string Basic(string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"dqe:{password}"));
}
