using System.Text;
using Dqe.Core.Hosting;
using Dqe.Core.Secrets.Rotation;
using Dqe.Core.Tests.TestHelpers;

namespace Dqe.Core.Tests.Secrets.Rotation;

/// <summary>The rotation's login check over HTTPS (engines' CA) with the environment the CDK app gives the rotation function: no automation secret.</summary>
public sealed class EngineLoginCheckTests : IAsyncLifetime
{
    private HttpsEngineFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await HttpsEngineFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task Check_RotationEnvironment_SendsOnlyTheRotatedUsersCredentialsToBothEngines()
    {
        using var engines = _fixture.Connections([.. _fixture.EngineVariables(), (FunctionVariables.EnginesCaSecret, HttpsEngineFixture.CaSecret)]);

        // The echo server answers "ok", which neither engine protocol accepts: both must be reported, not thrown.
        var results = await new EngineLoginCheck(engines).CheckAsync("alice", "new-password", new HashSet<RotationEngine> { RotationEngine.Trino, RotationEngine.ClickHouse }, CancellationToken.None);

        Assert.Equal(["clickhouse", "trino"], results.Keys.Order(StringComparer.Ordinal));
        Assert.All(results.Values, Assert.NotNull);
        var requests = _fixture.Engine.Requests.ToList();
        var trino = Assert.Single(requests, r => r.Headers.ContainsKey("X-Trino-User"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:new-password")), trino.Headers["Authorization"]);
        Assert.Equal("alice", trino.Headers["X-Trino-User"]);
        var clickHouse = Assert.Single(requests, r => r.Headers.ContainsKey("X-ClickHouse-User"));
        Assert.Equal("alice", clickHouse.Headers["X-ClickHouse-User"]);
        Assert.Equal("new-password", clickHouse.Headers["X-ClickHouse-Key"]);
    }

    [Fact]
    public async Task Check_TrinoOnlySecret_LogsInToTrinoOnly()
    {
        using var engines = _fixture.Connections([.. _fixture.EngineVariables(), (FunctionVariables.EnginesCaSecret, HttpsEngineFixture.CaSecret)]);

        var results = await new EngineLoginCheck(engines).CheckAsync("dqe", "new-password", new HashSet<RotationEngine> { RotationEngine.Trino }, CancellationToken.None);

        Assert.Equal(["trino"], results.Keys);
        var request = Assert.Single(_fixture.Engine.Requests);
        Assert.Equal("dqe", request.Headers["X-Trino-User"]);
        Assert.False(request.Headers.ContainsKey("X-ClickHouse-User"));
    }
}
