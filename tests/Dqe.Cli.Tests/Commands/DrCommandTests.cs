using Dqe.Cli.Tests.TestHelpers;

namespace Dqe.Cli.Tests.Commands;

public class DrCommandTests
{
    [Fact]
    public async Task Drill_DryRunAzLoss_PrintsPlanWithZoneAndObjectives()
    {
        var result = await CliRunner.RunAsync("dr", "drill", "az-loss", "--dry-run", "--zone", "eu-west-1b");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dry run of az-loss; nothing is changed", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("3. cordon and drain every node in eu-west-1b", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("RTO (objective 900 s) and RPO (objective 60 s)", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("meteor", "", "scenario 'meteor' is unknown; use one of: replica-loss")]
    [InlineData("az-loss", "", "Zone: az-loss needs the availability zone")]
    public async Task Drill_BadInput_ClearErrorExit2(string scenario, string zone, string message)
    {
        var result = await CliRunner.RunAsync("dr", "drill", scenario, "--dry-run", "--zone", zone);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drill_DryRunRegionRestore_PrintsRestoreVerifyExtrasAndFailBack()
    {
        var result = await CliRunner.RunAsync("dr", "drill", "region-restore", "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3. find the newest usable (verified) backup manifest in the replicated backups bucket", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("RESTORE its databases into dqe_restore_<run id>_<database>", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("re-create the saved Glue tables", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("(objective 14400 s)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("fail back: drop the dqe_restore_<run id>_* databases", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--store", "/nonexistent/replica", "--store: region-restore needs the directory of the replicated manifests")]
    [InlineData("--source", "ftp://replica/clickhouse", "Source must be an https S3 URL")]
    [InlineData("--engine", "clickhouse-backup", "--engine must be native or copy")]
    public async Task Drill_LiveRegionRestoreBadInput_ClearErrorExit2BeforeAnyConnection(string option, string value, string message)
    {
        var store = Directory.CreateTempSubdirectory("dqe-cli-replica-").FullName;
        string[] args = ["dr", "drill", "region-restore", "--clickhouse", "http://127.0.0.1:1", "--trino", "http://127.0.0.1:1",
            "--store", store, "--source", "https://replica.s3.eu-central-1.amazonaws.com/clickhouse", "--engine", "copy"];
        var at = Array.IndexOf(args, option);
        args[at + 1] = value;

        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Directory.Delete(store);
    }

    [Fact]
    public async Task Drill_LiveWithoutEngineUrls_ErrorNamesOption()
    {
        var result = await CliRunner.RunAsync("dr", "drill", "replica-loss");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--clickhouse: an absolute URL is required", result.Stderr, StringComparison.Ordinal);
    }
}
