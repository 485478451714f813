using Dqe.Cli.Tests.TestHelpers;
using Dqe.TestServers;

namespace Dqe.Cli.Tests.Commands;

public sealed class BackupCommandTests : IDisposable
{
    private readonly string _store = Directory.CreateTempSubdirectory("dqe-cli-backup-").FullName;

    public void Dispose() => Directory.Delete(_store, recursive: true);

    [Fact]
    public async Task RunThenList_CopyEngineOnLocalServer_VerifiedUsableAndListed()
    {
        await using var server = await ClickHouseLocalServer.StartAsync();
        var url = server.HttpUri.ToString();
        foreach (var sql in new[] { "CREATE DATABASE cli_bk", "CREATE TABLE cli_bk.t (k UInt64) ENGINE = MergeTree ORDER BY k", "INSERT INTO cli_bk.t SELECT number FROM system.numbers LIMIT 100" })
        {
            Assert.Equal(0, (await CliRunner.RunAsync("query", "clickhouse", "--server", url, sql)).ExitCode);
        }

        var run = await CliRunner.RunAsync("backup", "run", "--store", _store, "--clickhouse", url, "--database", "cli_bk",
            "--destination", "https://b.s3.amazonaws.com/ch", "--engine", "copy", "--kind", "full");
        var list = await CliRunner.RunAsync("backup", "list", "--store", _store);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Matches(@"^ch-full-\d{8}-\d{6}\tusable", run.Stdout);
        Assert.Contains("verify: PASS (1 tables match)", run.Stderr, StringComparison.Ordinal);
        var row = list.Stdout.ReplaceLineEndings("\n").Split('\n')[1].Split('\t');
        Assert.Equal(("Full", "Succeeded", "True", "1"), (row[1], row[2], row[3], row[4]));
    }

    [Theory]
    [InlineData("--engine", "tape", "--engine: 'tape' must be native or copy")]
    [InlineData("--database", "no-dash", "Databases: 'no-dash' is not a plain identifier")]
    [InlineData("--destination", "http://b/ch", "Destination must be an https S3 URL")]
    [InlineData("--kind", "weekly", "must be auto, full or incremental")]
    public async Task Run_BadInput_ClearErrorAndNothingWritten(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--clickhouse"] = "http://127.0.0.1:1",
            ["--database"] = "db",
            ["--destination"] = "https://b.s3.amazonaws.com/ch",
            ["--engine"] = "copy",
            [option] = value,
        };

        var result = await CliRunner.RunAsync(["backup", "run", "--store", _store, .. args.SelectMany(p => new[] { p.Key, p.Value })]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_store));
    }
}
