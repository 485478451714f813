namespace Dqe.Cdk.Observability.Alertmanager;

/// <summary>Generic webhook (the Dqe remediation endpoint), authenticated by <see cref="AmHttpConfig"/>.</summary>
public sealed record AmWebhookConfig(string Url, AmHttpConfig HttpConfig, int MaxAlerts, bool SendResolved = true);
