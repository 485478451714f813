using System.Text.RegularExpressions;
using Dqe.Core.Remediation;

namespace Dqe.Core.Tests.Remediation;

public sealed class RunbookActionsTests
{
    [Theory]
    [InlineData(RunbookActions.RestartPod)]
    [InlineData(RunbookActions.ScaleTrinoWorkers)]
    [InlineData(RunbookActions.AddClickHouseReplica)]
    [InlineData(RunbookActions.RestartClickHouseReplica)]
    [InlineData(RunbookActions.CancelTrinoQuery)]
    [InlineData(RunbookActions.DrainNode)]
    [InlineData(RunbookActions.None)]
    public void All_EachConstant_IsListedWithADescription(string action)
    {
        Assert.True(RunbookActions.All.TryGetValue(action, out var description));
        Assert.False(string.IsNullOrWhiteSpace(description));
    }

    [Fact]
    public void All_Names_AreKebabCaseLabelValues()
    {
        Assert.Equal(7, RunbookActions.All.Count);
        Assert.All(RunbookActions.All.Keys, name => Assert.Matches(new Regex("^[a-z]+(-[a-z]+)*$"), name));
    }
}
