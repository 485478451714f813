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
    public async Task Drill_LiveWithoutEngineUrls_ErrorNamesOption()
    {
        var result = await CliRunner.RunAsync("dr", "drill", "replica-loss");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--clickhouse: an absolute URL is required", result.Stderr, StringComparison.Ordinal);
    }
}
