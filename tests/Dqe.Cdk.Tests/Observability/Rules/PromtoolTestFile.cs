using System.Text.Json.Nodes;
using Dqe.Cdk.Observability.Rules;

namespace Dqe.Cdk.Tests.Observability.Rules;

/// <summary>Builds a promtool unit-test file for one <see cref="RuleCase"/>, expecting the rule's real labels and annotations.</summary>
internal static class PromtoolTestFile
{
    public static JsonObject For(RuleCase testCase, AlertRule rule, string ruleFile, string runbookBaseUrl)
    {
        var expected = new JsonArray();
        if (testCase.FiresWith is not null)
        {
            var labels = RuleFileRenderer.Labels(rule);
            foreach (var (key, value) in testCase.FiresWith)
            {
                labels[key] = value;
            }

            expected.Add(new JsonObject { ["exp_labels"] = labels, ["exp_annotations"] = RuleFileRenderer.Annotations(rule, runbookBaseUrl) });
        }

        return new JsonObject
        {
            ["rule_files"] = new JsonArray(ruleFile),
            ["evaluation_interval"] = "1m",
            ["tests"] = new JsonArray(new JsonObject
            {
                ["interval"] = "1m",
                ["input_series"] = new JsonArray([.. testCase.Series.Select(s => new JsonObject { ["series"] = s.Series, ["values"] = s.Values })]),
                ["alert_rule_test"] = new JsonArray(new JsonObject
                {
                    ["eval_time"] = testCase.EvalTime,
                    ["alertname"] = testCase.Alert,
                    ["exp_alerts"] = expected,
                }),
            }),
        };
    }
}
