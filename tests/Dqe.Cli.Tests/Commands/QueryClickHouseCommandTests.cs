using Dqe.Cli.Tests.TestHelpers;
using Dqe.TestServers;

namespace Dqe.Cli.Tests.Commands;

/// <summary>`dqe query clickhouse` end to end against a real local clickhouse-server.</summary>
public sealed class QueryClickHouseCommandTests : IAsyncLifetime
{
    private ClickHouseLocalServer? _server;

    public async Task InitializeAsync() => _server = await ClickHouseLocalServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Query_ClickHouseTsvAndJson_PrintRows()
    {
        const string Sql = "SELECT number AS n, concat('r', toString(number)) AS s, if(number = 1, NULL, toNullable(number * 1.5)) AS f FROM system.numbers LIMIT 2";

        var tsv = await CliRunner.RunAsync("query", "clickhouse", "--server", _server!.HttpUri.ToString(), Sql);
        var json = await CliRunner.RunAsync("query", "clickhouse", "--server", _server.HttpUri.ToString(), "--format", "json", Sql);

        Assert.Equal((0, "n\ts\tf\n0\tr0\t0\n1\tr1\t\\N\n"), (tsv.ExitCode, tsv.Stdout.ReplaceLineEndings("\n")));
        Assert.Equal((0, "{\"n\":0,\"s\":\"r0\",\"f\":0}\n{\"n\":1,\"s\":\"r1\",\"f\":null}\n"), (json.ExitCode, json.Stdout.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task Query_ClickHouseUnknownTable_OneLineErrorExitOne()
    {
        var (code, output, error) = await CliRunner.RunAsync("query", "clickhouse", "--server", _server!.HttpUri.ToString(), "SELECT * FROM nope");

        Assert.Equal((1, ""), (code, output));
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.StartsWith("[clickhouse] ", StringComparison.Ordinal));
        Assert.StartsWith("dqe query: clickhouse UNKNOWN_TABLE (60, USER_ERROR)", line, StringComparison.Ordinal);
    }
}
