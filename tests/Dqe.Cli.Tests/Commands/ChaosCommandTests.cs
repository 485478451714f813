using Dqe.Cli.Tests.TestHelpers;

namespace Dqe.Cli.Tests.Commands;

public class ChaosCommandTests
{
    private static string Asset(string name) => Path.Combine(AppContext.BaseDirectory, "assets", "chaos", name);

    [Fact]
    public async Task Validate_GoodCampaign_ExitsZeroWithSummary()
    {
        var run = await CliRunner.RunAsync("chaos", "validate", Asset("trino-worker-kill.yaml"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("campaign 'trino-worker-kill' is valid: 1 fault(s) on trino for 5m", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_HostileCampaign_ExitsOneListingEveryBadField()
    {
        var run = await CliRunner.RunAsync("chaos", "validate", Asset("kube-system-everything.yaml"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("$.target.namespace: 'kube-system' is protected", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("$.blastRadius.maxPercent: must be between 1 and 50", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsOneNamingIt()
    {
        var run = await CliRunner.RunAsync("chaos", "validate", Asset("missing.yaml"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("cannot read", run.Stderr, StringComparison.Ordinal);
    }
}
