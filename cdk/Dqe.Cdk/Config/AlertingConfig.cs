namespace Dqe.Cdk.Config;

/// <summary>Alertmanager receivers (credentials come from Secrets Manager, never from here) and rule thresholds.</summary>
public sealed record AlertingConfig
{
    /// <summary>
    /// HTTPS URL of the remediation endpoint that receives alerts naming an automatic action. Only used when the
    /// remediation workflow is not deployed: otherwise the Automation stack's private API URL replaces it.
    /// </summary>
    public string RemediationWebhookUrl { get; init; } = "https://remediation.dqe.internal/v1/alerts";

    /// <summary>Base URL of the runbooks; each alert links to BASE#alertname-in-lower-case.</summary>
    public string RunbookBaseUrl { get; init; } = "https://github.com/dqe/dqe/blob/main/docs/runbooks.md";

    /// <summary>Slack channel for warnings (the webhook URL itself is a secret).</summary>
    public string SlackChannel { get; init; } = "#dqe-alerts";

    /// <summary>Address that receives info alerts by email.</summary>
    public string EmailTo { get; init; } = "dqe-oncall@example.com";

    /// <summary>Sender address of alert emails.</summary>
    public string EmailFrom { get; init; } = "alertmanager@example.com";

    /// <summary>SMTP relay as host:port (e.g. the SES SMTP endpoint); the password is a secret.</summary>
    public string SmtpSmartHost { get; init; } = "email-smtp.eu-west-1.amazonaws.com:587";

    /// <summary>SMTP user name (not secret: an SES SMTP user id or similar).</summary>
    public string SmtpUsername { get; init; } = "dqe-alertmanager";

    /// <summary>Thresholds the engine and cluster alert rules use.</summary>
    public AlertThresholdsConfig Thresholds { get; init; } = new();
}
