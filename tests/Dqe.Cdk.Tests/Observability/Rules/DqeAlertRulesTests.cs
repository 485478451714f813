using Dqe.Cdk.Config;
using Dqe.Cdk.Observability.Rules;
using Dqe.Cdk.Tests.TestHelpers;
using Dqe.Core.Remediation;

namespace Dqe.Cdk.Tests.Observability.Rules;

public sealed class DqeAlertRulesTests
{
    private const string RunbookBase = "https://runbooks.example.com/dqe.md";
    private static readonly IReadOnlyList<AlertRule> Rules = [.. DqeAlertRules.For(new AlertThresholdsConfig()).SelectMany(g => g.Rules)];

    [Theory]
    [MemberData(nameof(RuleCases.Data), MemberType = typeof(RuleCases))]
    public void PromtoolTest_Case_AlertFiresExactlyAsExpected(RuleCase testCase)
    {
        var dir = PrometheusTools.TempDir();
        PrometheusTools.Write(dir, "rules.json", RuleFileRenderer.Render(DqeAlertRules.For(new AlertThresholdsConfig()), RunbookBase));
        var rule = Rules.Single(r => r.Name == testCase.Alert);
        PrometheusTools.Write(dir, "test.json", PromtoolTestFile.For(testCase, rule, "rules.json", RunbookBase));

        var result = PrometheusTools.Promtool(dir, "test", "rules", "test.json");

        Assert.True(result.Ok, $"promtool test rules failed for '{testCase}':\n{result.Output}");
    }

    [Fact]
    public void PromtoolTest_WrongExpectation_Fails()
    {
        // Guards the harness itself: a case expecting the opposite outcome must make promtool fail.
        var firing = RuleCases.All.First(c => c.FiresWith is not null);
        var inverted = firing with { FiresWith = null };
        var dir = PrometheusTools.TempDir();
        PrometheusTools.Write(dir, "rules.json", RuleFileRenderer.Render(DqeAlertRules.For(new AlertThresholdsConfig()), RunbookBase));
        PrometheusTools.Write(dir, "test.json", PromtoolTestFile.For(inverted, Rules.Single(r => r.Name == firing.Alert), "rules.json", RunbookBase));

        var result = PrometheusTools.Promtool(dir, "test", "rules", "test.json");

        Assert.False(result.Ok, "promtool accepted a test expecting no alert where one fires");
    }

    [Fact]
    public void CheckRules_RenderedFromCdkJsonOfEveryEnv_Pass()
    {
        foreach (var env in new[] { "dev", "staging", "prod", "dr" })
        {
            var alerting = Synth.Config(env).Observability.Alerting;
            var dir = PrometheusTools.TempDir();
            PrometheusTools.Write(dir, "rules.json", RuleFileRenderer.Render(DqeAlertRules.For(alerting.Thresholds), alerting.RunbookBaseUrl));

            var result = PrometheusTools.Promtool(dir, "check", "rules", "rules.json");

            Assert.True(result.Ok, $"promtool check rules failed for {env}:\n{result.Output}");
            Assert.Contains($"SUCCESS: {Rules.Count} rules found", result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Cases_EveryRule_HasFiringAndQuietCase()
    {
        foreach (var rule in Rules)
        {
            Assert.Contains(RuleCases.All, c => c.Alert == rule.Name && c.FiresWith is not null);
            Assert.Contains(RuleCases.All, c => c.Alert == rule.Name && c.FiresWith is null);
        }

        Assert.All(RuleCases.All, c => Assert.Contains(Rules, r => r.Name == c.Alert));
    }

    [Fact]
    public void Rules_Remediation_NamesKnownRunbookAction()
    {
        Assert.All(Rules, r => Assert.True(RunbookActions.All.ContainsKey(r.Remediation),
            $"{r.Name}: remediation '{r.Remediation}' is not one of {string.Join(", ", RunbookActions.All.Keys)}"));
    }

    [Fact]
    public void Rules_Rendered_CarrySeverityRunbookAndRemediation()
    {
        var rendered = RuleFileRenderer.Render(DqeAlertRules.For(new AlertThresholdsConfig()), RunbookBase);

        var rules = rendered["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray()).ToList();
        Assert.Equal(Rules.Count, rules.Count);
        Assert.All(rules, r =>
        {
            var name = r!["alert"]!.GetValue<string>();
            Assert.Contains(r["labels"]!["severity"]!.GetValue<string>(), Severity.All);
            Assert.True(RunbookActions.All.ContainsKey(r["labels"]!["remediation"]!.GetValue<string>()), name);
            Assert.Equal($"{RunbookBase}#{name.ToLowerInvariant()}", r["annotations"]!["runbook_url"]!.GetValue<string>());
        });
        Assert.Equal(Rules.Count, Rules.Select(r => r.Name).Distinct().Count());
    }

    [Fact]
    public void Rules_Thresholds_ComeFromConfig()
    {
        var custom = new AlertThresholdsConfig { TrinoMinWorkers = 7, ClickHouseMaxPartsPerPartition = 123, PvcUsedRatio = 0.75 };

        var rules = DqeAlertRules.For(custom).SelectMany(g => g.Rules).ToDictionary(r => r.Name, r => r.Expr);

        Assert.EndsWith("< 7", rules["DqeTrinoWorkersBelowMinimum"], StringComparison.Ordinal);
        Assert.EndsWith("> 123", rules["DqeClickHouseTooManyParts"], StringComparison.Ordinal);
        Assert.EndsWith("> 0.75", rules["DqePersistentVolumeFillingUp"], StringComparison.Ordinal);
    }
}
