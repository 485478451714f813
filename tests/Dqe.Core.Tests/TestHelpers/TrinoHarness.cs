using Dqe.Core.Engines;
using Dqe.Core.Engines.Trino;
using Dqe.TestServers;

namespace Dqe.Core.Tests.TestHelpers;

/// <summary>A replay server plus a client pointed at it; retries without delay unless a clock is given.</summary>
internal sealed class TrinoHarness : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private TrinoHarness(TrinoReplayServer server) => Server = server;

    public TrinoReplayServer Server { get; }

    public static async Task<TrinoHarness> StartAsync() => new(await TrinoReplayServer.StartAsync());

    public void Fixture(string sql, string name) => Server.Script(sql, TrinoScript.Load(Path.Combine(AppContext.BaseDirectory, "assets", "trino", name)));

    public TrinoClient Client(Func<TrinoClientOptions, TrinoClientOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new TrinoClientOptions
        {
            Server = Server.BaseUri,
            User = "alice",
            Retry = new RetryOptions(MaxAttempts: 5, BaseDelay: TimeSpan.Zero, MaxDelay: TimeSpan.Zero),
        };
        return new TrinoClient(configure?.Invoke(options) ?? options, _http, time ?? TimeProvider.System);
    }

    public static async Task<List<object?[]>> ReadAllAsync(QueryResult result)
    {
        var rows = new List<object?[]>();
        await foreach (var row in result.ReadRowsAsync())
        {
            rows.Add(row.ToArray());
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
