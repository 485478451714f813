using Dqe.Cdk.Config;
using Dqe.Cdk.Observability.Rules;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Observability.Rules;

public sealed class RunbookDocsTests
{
    private static readonly IReadOnlyList<AlertRule> Rules = [.. DqeAlertRules.For(new AlertThresholdsConfig()).SelectMany(g => g.Rules)];

    [Fact]
    public void Runbooks_EveryAlert_HasTheSectionItsRunbookUrlPointsTo()
    {
        var runbooks = File.ReadAllLines(Path.Combine(CdkContext.RepositoryRoot, "docs", "runbooks.md"));

        Assert.All(Rules, r =>
        {
            Assert.Contains($"## {r.Name}", runbooks);
            // GitHub anchors are the heading in lower case, which is what RunbookUrl appends.
            Assert.EndsWith($"#{r.Name.ToLowerInvariant()}", DqeAlertRules.RunbookUrl("https://x", r.Name), StringComparison.Ordinal);
            Assert.Contains(runbooks, line => line.Contains($"remediation: {r.Remediation}.", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void ObservabilityDoc_AlertsTable_ListsEveryAlertWithItsSeverityAndRemediation()
    {
        var doc = File.ReadAllLines(Path.Combine(CdkContext.RepositoryRoot, "docs", "observability.md"));

        Assert.All(Rules, r =>
        {
            var row = Assert.Single(doc, line => line.StartsWith($"| {r.Name} |", StringComparison.Ordinal));
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            Assert.Equal(r.For, cells[3]);
            Assert.Equal(r.Severity, cells[4]);
            Assert.Equal(r.Remediation, cells[5]);
        });
    }
}
