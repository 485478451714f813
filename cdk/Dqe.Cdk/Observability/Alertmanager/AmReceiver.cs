namespace Dqe.Cdk.Observability.Alertmanager;

/// <summary>A named receiver; at most one kind of integration is set per Dqe receiver (none = drop).</summary>
public sealed record AmReceiver(
    string Name,
    IReadOnlyList<AmPagerDutyConfig>? PagerdutyConfigs = null,
    IReadOnlyList<AmSlackConfig>? SlackConfigs = null,
    IReadOnlyList<AmEmailConfig>? EmailConfigs = null,
    IReadOnlyList<AmWebhookConfig>? WebhookConfigs = null);
