using System.Text;
using Dqe.Core.Engines;
using Dqe.Core.Hosting;
using Dqe.Core.Kubernetes;
using Dqe.Core.Secrets;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers.Secrets;
using Dqe.TestServers.Tls;

namespace Dqe.Core.Tests.Engines;

public sealed class EngineConnectionsTests : IAsyncLifetime
{
    private HttpsEngineFixture _fixture = null!;
    private HttpsEchoServer _engine = null!;

    public async Task InitializeAsync()
    {
        _fixture = await HttpsEngineFixture.StartAsync();
        _fixture.Secrets.Put("trino-arn", """{"user":"dqe","password":"trino-pw"}""");
        _fixture.Secrets.Put("clickhouse-arn", """{"user":"dqe","password":"ch-pw"}""");
        _engine = _fixture.Engine;
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private EngineConnections Connections(string? trinoUrl = null, string? caSecret = HttpsEngineFixture.CaSecret) => _fixture.Connections(
        [.. _fixture.EngineVariables(trinoUrl),
        (FunctionVariables.TrinoSecretArn, "trino-arn"),
        (FunctionVariables.ClickHouseSecretArn, "clickhouse-arn"),
        (FunctionVariables.EnginesCaSecret, caSecret)]);

    [Fact]
    public async Task TrinoHttp_ConfiguredOrigin_TrustsEngineCaAndAuthenticatesAsTheSecretsUser()
    {
        using var connections = Connections();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(connections.TrinoUrl, "/v1/info"));
        request.Headers.TryAddWithoutValidation("X-Trino-User", "someone-else");

        using var response = await connections.TrinoHttp.SendAsync(request);

        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
        var seen = Assert.Single(_engine.Requests);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("dqe:trino-pw")), seen.Headers["Authorization"]);
        Assert.Equal("dqe", seen.Headers["X-Trino-User"]);
    }

    [Fact]
    public async Task ClickHouseHttp_ConfiguredOrigin_SendsUserAndKeyHeaders()
    {
        using var connections = Connections();

        using var response = await connections.ClickHouseHttp.GetAsync(new Uri(connections.ClickHouseUrl, "/?query=SELECT%201"));

        response.EnsureSuccessStatusCode();
        var seen = Assert.Single(_engine.Requests);
        Assert.Equal("dqe", seen.Headers["X-ClickHouse-User"]);
        Assert.Equal("ch-pw", seen.Headers["X-ClickHouse-Key"]);
        Assert.False(seen.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task TrinoHttp_OtherOrigin_GetsNoCredentials()
    {
        using var connections = Connections();
        (await connections.TrinoHttp.GetAsync(new Uri(connections.TrinoUrl, "/v1/info"))).Dispose();

        // Same server, other origin (IP instead of the configured name): a workflow input naming a server never gets the secret.
        (await connections.TrinoHttp.GetAsync(new Uri($"https://127.0.0.1:{_engine.Port}/v1/info"))).Dispose();

        var other = _engine.Requests.Last();
        Assert.False(other.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task TrinoHttp_CertificateFromAnotherCa_RefusedBeforeAnyRequestIsSent()
    {
        using var stranger = new TestCertificateAuthority("Some other CA");
        await using var impostor = await HttpsEchoServer.StartAsync(stranger.Issue("localhost"));
        using var connections = Connections(trinoUrl: $"https://localhost:{impostor.Port}");

        await Assert.ThrowsAsync<HttpRequestException>(() => connections.TrinoHttp.GetAsync(new Uri(connections.TrinoUrl, "/v1/info")));

        Assert.Empty(impostor.Requests);
    }

    [Fact]
    public async Task TrinoHttp_PlainHttpWithCredentials_Refused()
    {
        using var connections = Connections(trinoUrl: $"http://localhost:{_engine.Port}");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => connections.TrinoHttp.GetAsync(new Uri(connections.TrinoUrl, "/v1/info")));

        Assert.Equal($"refusing to send engine credentials over plain HTTP to http://localhost:{_engine.Port}/", error.Message);
    }

    [Fact]
    public async Task TrinoHttp_CaSecretMissing_FailsNamingTheSecret()
    {
        using var connections = Connections(caSecret: "dqe/dev/no-such-ca");

        var error = await Assert.ThrowsAsync<SecretUnavailableException>(() => connections.TrinoHttp.GetAsync(new Uri(connections.TrinoUrl, "/v1/info")));

        Assert.StartsWith("secret 'dqe/dev/no-such-ca': ResourceNotFoundException", error.Message, StringComparison.Ordinal);
        Assert.Empty(_engine.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://trino.dev.dqe.internal")]
    public void Trino_BadUrlVariable_ThrowsNamingTheVariable(string url)
    {
        using var connections = new EngineConnections(new FakeEnvironment((FunctionVariables.TrinoUrl, url)), new UnusedSecretStore(), TimeProvider.System);

        var error = Assert.Throws<InvalidOperationException>(() => connections.Trino());

        Assert.Equal($"environment variable DQE_TRINO_URL must be an http(s) URL, got '{url}'.", error.Message);
    }
}
