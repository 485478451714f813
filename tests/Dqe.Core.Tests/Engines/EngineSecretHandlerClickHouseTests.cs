using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers;

namespace Dqe.Core.Tests.Engines;

/// <summary>
/// The functions' ClickHouse client while the automation user's secret rotates, against the real clickhouse-server
/// (18.16 refuses a wrong password with 401 and "Code: 193", without X-ClickHouse-Exception-Code), which knows only
/// <see cref="ClickHouseLocalServer.Password"/>: whichever version of the secret holds it must be the one that works.
/// </summary>
[Collection(ClickHouseCollection.Name)]
public sealed class EngineSecretHandlerClickHouseTests(ClickHouseFixture server) : IAsyncLifetime
{
    private static readonly Uri Origin = new("https://clickhouse.test:8443/");
    private RotatedSecretFixture _secret = null!;

    public async Task InitializeAsync() => _secret = await RotatedSecretFixture.StartAsync();

    public async Task DisposeAsync() => await _secret.DisposeAsync();

    [Fact]
    public async Task Query_CachedPasswordRefused_FreshAwsCurrentAccepted()
    {
        _secret.Put("stale-password");
        await _secret.WarmAsync();
        _secret.Put(ClickHouseLocalServer.Password);

        var rows = await Client().QueryRowsAsync(new QueryRequest("SELECT 7 AS n"), CancellationToken.None);

        Assert.Equal(7, Assert.Single(rows).Int64("n"));
        Assert.Equal(1, _secret.Reads("AWSCURRENT"));
        Assert.Equal(0, _secret.Reads("AWSPREVIOUS"));
    }

    [Fact]
    public async Task Query_ServerNotReloadedYet_AwsPreviousAccepted()
    {
        _secret.Put(ClickHouseLocalServer.Password);
        _secret.Put("rotated-but-not-rendered-yet");

        var rows = await Client().QueryRowsAsync(new QueryRequest("SELECT 7 AS n"), CancellationToken.None);

        Assert.Equal(7, Assert.Single(rows).Int64("n"));
        Assert.Equal(1, _secret.Reads("AWSPREVIOUS"));
    }

    [Fact]
    public async Task Query_EveryVersionRefused_TheServersWrongPasswordSurfaces()
    {
        _secret.Put("wrong-1");
        await _secret.WarmAsync();
        _secret.Put("wrong-2");
        _secret.Put("wrong-3");

        var error = await Assert.ThrowsAsync<QueryEngineException>(() => Client().QueryRowsAsync(new QueryRequest("SELECT 1"), CancellationToken.None));

        Assert.Equal("WRONG_PASSWORD", error.ErrorName);
        Assert.Equal(193, error.ErrorCode);
        Assert.Contains("Wrong password for user dqe", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _secret.Reads("AWSCURRENT"));
        Assert.Equal(1, _secret.Reads("AWSPREVIOUS"));
    }

    private ClickHouseClient Client() => new(
        new ClickHouseClientOptions { Server = Origin, AuthMode = ClickHouseAuthMode.Headers, Retry = new RetryOptions(MaxAttempts: 1) },
        _secret.Client(Origin, server.Uri, clickHouseHeaders: true),
        _secret.Time);
}
