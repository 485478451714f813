using Dqe.Cli.Synth;

namespace Dqe.Cli.Tests.Synth;

public sealed class CloudAssemblySummaryTests
{
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "assets", "assembly");

    [Fact]
    public void Read_AssemblyWithNestedStack_CountsResourcesOfBothAndListsCharts()
    {
        var stack = Assert.Single(CloudAssemblySummary.Read(Assembly));

        Assert.Equal("Dqe-test-Platform", stack.Name);
        Assert.Equal(7, stack.ResourceCount);
        Assert.Contains(new KeyValuePair<string, int>("AWS::EC2::Subnet", 3), stack.ResourcesByType);
        Assert.Equal(["cluster-autoscaler 9.43.2 -> namespace kube-system"], stack.HelmCharts);
    }

    [Fact]
    public void Read_MissingAssembly_SaysToSynthFirst()
    {
        var error = Assert.Throws<FileNotFoundException>(() => CloudAssemblySummary.Read(Path.Combine(Assembly, "nope")));

        Assert.Contains("run 'npx cdk synth' first", error.Message, StringComparison.Ordinal);
    }
}
