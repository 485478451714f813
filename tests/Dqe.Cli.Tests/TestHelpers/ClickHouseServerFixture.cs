using Dqe.TestServers;

namespace Dqe.Cli.Tests.TestHelpers;

/// <summary>One real clickhouse-server (Debian package) shared by a test class.</summary>
public sealed class ClickHouseServerFixture : IAsyncLifetime
{
    private ClickHouseLocalServer? _server;

    public Uri Uri => _server!.HttpUri;

    public async Task InitializeAsync() => _server = await ClickHouseLocalServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
