using Dqe.Core.Engines;
using Dqe.Core.Engines.ClickHouse;
using Dqe.TestServers;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>One real clickhouse-server for all ClickHouse tests (started once, stopped after).</summary>
public sealed class ClickHouseFixture : IAsyncLifetime
{
    private ClickHouseLocalServer? _server;

    public RecordingHandler Recorder { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public Uri Uri => _server!.HttpUri;

    public async Task InitializeAsync()
    {
        _server = await ClickHouseLocalServer.StartAsync();
        Http = new HttpClient(Recorder);
    }

    public ClickHouseClient Client(Func<ClickHouseClientOptions, ClickHouseClientOptions>? configure = null)
    {
        var options = new ClickHouseClientOptions { Server = Uri, Retry = new RetryOptions(3, TimeSpan.Zero, TimeSpan.Zero) };
        return new ClickHouseClient(configure?.Invoke(options) ?? options, Http, TimeProvider.System);
    }

    public async Task ExecAsync(string sql)
    {
        await using var result = await Client().ExecuteAsync(new QueryRequest(sql), default);
        await result.DrainAsync(default);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClickHouseCollection : ICollectionFixture<ClickHouseFixture>
{
    public const string Name = "clickhouse-server";
}
