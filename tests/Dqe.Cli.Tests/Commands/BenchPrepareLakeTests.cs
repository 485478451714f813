using Dqe.Cli.Tests.TestHelpers;
using Dqe.Core.Benchmarks.LakeData;
using Dqe.Core.Tests.TestHelpers;
using Dqe.TestServers;

namespace Dqe.Cli.Tests.Commands;

/// <summary>`dqe bench prepare-lake` against the Trino replay server scripted as a tpch + hive Trino.</summary>
public class BenchPrepareLakeTests
{
    private static readonly TpchLakeOptions Sf1 = new("dqe-prod-lake", "sf1", "dqe_prod_lake");

    [Fact]
    public async Task PrepareLake_EmptyLake_WritesEightTablesThenKeepsThemOnTheNextRun()
    {
        await using var server = await TrinoReplayServer.StartAsync();
        var lake = new TpchLakeTrino(server, Sf1);

        var first = await RunAsync(server);
        var second = await RunAsync(server);

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Contains("lineitem\t6001215\twritten\ts3://dqe-prod-lake/curated/tpch/sf1/lineitem/\thive.dqe_prod_lake.tpch_sf1_lineitem", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("8 written, 0 kept", first.Stderr, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("0 written, 8 kept", second.Stderr, StringComparison.Ordinal);
        Assert.All(lake.Writes.Values, n => Assert.Equal(1, n));
        Assert.Equal("tpch", server.Requests.First().Headers["X-Trino-Catalog"]);
    }

    [Fact]
    public async Task PrepareLake_WrongCountInTheLake_ExitsOneWithOneLineAndWritesNothing()
    {
        await using var server = await TrinoReplayServer.StartAsync();
        var lake = new TpchLakeTrino(server, Sf1);
        lake.Existing("orders", 7);

        var result = await RunAsync(server);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("dqe bench prepare-lake: setup: hive.dqe_prod_lake.tpch_sf1_orders has 7 rows, tpch.sf1.orders has 1500000; drop the table and delete s3://dqe-prod-lake/curated/tpch/sf1/orders/ to write it again.", result.Stderr.Trim());
        Assert.Empty(lake.Writes);
    }

    [Fact]
    public async Task PrepareLake_Tables_WritesOnlyThoseAndPrintsTheirLines()
    {
        await using var server = await TrinoReplayServer.StartAsync();
        var lake = new TpchLakeTrino(server, Sf1);

        var result = await CliRunner.RunAsync(
            "bench", "prepare-lake", "--server", server.BaseUri.ToString(), "--scale", "sf1", "--lake-bucket", "dqe-prod-lake", "--schema", "dqe_prod_lake", "--tables", "region");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(["tpch_sf1_region"], lake.Writes.Keys);
        Assert.Contains("region\t5\twritten\t", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 written, 0 kept", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--tables", "region,hits", "tables: must be distinct TPC-H tables")]
    [InlineData("--scale", "gen_tiny", "scale: TPC-H lake scales are tiny or sfN")]
    [InlineData("--lake-bucket", "Not_A_Bucket", "lakeBucket: must be an S3 bucket name")]
    [InlineData("--schema", "prod-lake", "schema: must be a lower-case identifier")]
    [InlineData("--server", "trino:8443", "--server: 'trino:8443' is not an absolute http(s) URL")]
    public async Task PrepareLake_BadOption_ExitsTwoBeforeSendingAnything(string option, string value, string message)
    {
        await using var server = await TrinoReplayServer.StartAsync();
        var args = new Dictionary<string, string>
        {
            ["--server"] = server.BaseUri.ToString(), ["--scale"] = "sf1", ["--lake-bucket"] = "dqe-prod-lake", ["--schema"] = "dqe_prod_lake",
        };
        args[option] = value;

        var result = await CliRunner.RunAsync(["bench", "prepare-lake", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    private static Task<CliResult> RunAsync(TrinoReplayServer server) => CliRunner.RunAsync(
        "bench", "prepare-lake", "--server", server.BaseUri.ToString(), "--scale", "sf1", "--lake-bucket", "dqe-prod-lake", "--schema", "dqe_prod_lake", "--user", "bench");
}
