using System.Text.Json.Nodes;

namespace Dqe.Cdk.Observability.Rules;

/// <summary>
/// Renders rule groups as a Prometheus rule file (<c>{"groups": [...]}</c>). The same object is the spec of
/// the PrometheusRule manifest and the file promtool tests, so what is tested is what is deployed.
/// </summary>
public static class RuleFileRenderer
{
    public static JsonObject Render(IEnumerable<AlertRuleGroup> groups, string runbookBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var rendered = new JsonArray();
        foreach (var group in groups)
        {
            var rules = new JsonArray();
            foreach (var rule in group.Rules)
            {
                rules.Add(new JsonObject
                {
                    ["alert"] = rule.Name,
                    ["expr"] = rule.Expr,
                    ["for"] = rule.For,
                    ["labels"] = Labels(rule),
                    ["annotations"] = Annotations(rule, runbookBaseUrl),
                });
            }

            rendered.Add(new JsonObject { ["name"] = group.Name, ["rules"] = rules });
        }

        return new JsonObject { ["groups"] = rendered };
    }

    /// <summary>The labels an alert of <paramref name="rule"/> carries besides those of its expression.</summary>
    public static JsonObject Labels(AlertRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new JsonObject { ["severity"] = rule.Severity, ["remediation"] = rule.Remediation };
    }

    /// <summary>The annotations of <paramref name="rule"/>.</summary>
    public static JsonObject Annotations(AlertRule rule, string runbookBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new JsonObject
        {
            ["summary"] = rule.Summary,
            ["description"] = rule.Description,
            ["runbook_url"] = DqeAlertRules.RunbookUrl(runbookBaseUrl, rule.Name),
        };
    }
}
