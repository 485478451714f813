using Dqe.Cdk.Config;

namespace Dqe.Cdk.Observability.Rules;

/// <summary>Every Dqe alert rule group, built from the configured thresholds.</summary>
public static class DqeAlertRules
{
    public static IReadOnlyList<AlertRuleGroup> For(AlertThresholdsConfig thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return [TrinoAlertRules.Group(thresholds), ClickHouseAlertRules.Group(thresholds), ClusterAlertRules.Group(thresholds)];
    }

    /// <summary>Runbook link of an alert: the base URL with the alert name, lower-cased, as anchor.</summary>
    public static string RunbookUrl(string runbookBaseUrl, string alertName) =>
        $"{runbookBaseUrl}#{alertName.ToLowerInvariant()}";
}
