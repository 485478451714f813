using System.CommandLine;
using Dqe.TestServers;

namespace Dqe.Cli.Tests.Commands;

public class QueryCommandTests
{
    private const string Columns = "\"columns\":[{\"name\":\"n\",\"type\":\"bigint\"},{\"name\":\"s\",\"type\":\"varchar\"},{\"name\":\"d\",\"type\":\"double\"},{\"name\":\"a\",\"type\":\"array(integer)\"}]";

    [Fact]
    public async Task Query_TrinoTsv_PrintsHeaderThenEscapedRows()
    {
        await using var server = await StartAsync();

        var (code, output, error) = await RunAsync("query", "trino", "--server", server.BaseUri.ToString(), "--catalog", "tpch", "SELECT rows");

        Assert.Equal(0, code);
        Assert.Equal("n\ts\td\ta\n1\ta\\tb\t1.5\t[1, NULL]\n2\t\\N\tNaN\t[]\n", output.ReplaceLineEndings("\n"));
        Assert.Equal("", error);
        Assert.Equal("tpch", server.Requests.First().Headers["X-Trino-Catalog"]);
    }

    [Fact]
    public async Task Query_TrinoJson_PrintsOneObjectPerLine()
    {
        await using var server = await StartAsync();

        var (code, output, _) = await RunAsync("query", "trino", "--server", server.BaseUri.ToString(), "--format", "json", "SELECT rows");

        Assert.Equal(0, code);
        Assert.Equal(
            "{\"n\":1,\"s\":\"a\\tb\",\"d\":1.5,\"a\":[1,null]}\n{\"n\":2,\"s\":null,\"d\":\"NaN\",\"a\":[]}\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Query_TrinoError_OneLineOnStderrAndNonZeroExit()
    {
        await using var server = await StartAsync();
        server.Script("SELECT bad", new TrinoScript([TrinoScriptStep.Json(
            "{\"stats\":{\"state\":\"FAILED\"},\"error\":{\"message\":\"line 1:8: Column 'bad' cannot be resolved\",\"errorCode\":47,\"errorName\":\"COLUMN_NOT_FOUND\",\"errorType\":\"USER_ERROR\"}}",
            last: true)]));

        var (code, output, error) = await RunAsync("query", "trino", "--server", server.BaseUri.ToString(), "SELECT bad");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("dqe query: trino COLUMN_NOT_FOUND (47, USER_ERROR)", line, StringComparison.Ordinal);
        Assert.EndsWith("Column 'bad' cannot be resolved", line.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_BadServerUrl_ExitsTwoNamingOption()
    {
        var (code, _, error) = await RunAsync("query", "clickhouse", "--server", "not a url", "SELECT 1");

        Assert.Equal(2, code);
        Assert.Contains("--server", error, StringComparison.Ordinal);
    }

    private static async Task<TrinoReplayServer> StartAsync()
    {
        var server = await TrinoReplayServer.StartAsync();
        server.Script("SELECT rows", new TrinoScript([
            TrinoScriptStep.Json($"{{{Columns},\"stats\":{{\"state\":\"RUNNING\"}}}}"),
            TrinoScriptStep.Json($"{{{Columns},\"data\":[[1,\"a\\tb\",1.5,[1,null]],[2,null,\"NaN\",[]]],\"stats\":{{\"state\":\"FINISHED\"}}}}", last: true),
        ]));
        return server;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await DqeCommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
