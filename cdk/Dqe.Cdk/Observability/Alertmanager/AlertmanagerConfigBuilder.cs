using Dqe.Cdk.Config;
using Dqe.Cdk.Observability.Rules;
using static Dqe.Cdk.Observability.ObservabilityNames;

namespace Dqe.Cdk.Observability.Alertmanager;

/// <summary>
/// The Dqe Alertmanager configuration: severity routes (critical to PagerDuty, warning to Slack, info to email),
/// every alert naming an automatic action also to the remediation webhook, and inhibitions (a NotReady node
/// mutes the pod alerts on it; a critical alert mutes lower severities of the same alert). Every credential
/// is a file from the mounted receivers secret.
/// </summary>
public static class AlertmanagerConfigBuilder
{
    public const string NullReceiver = "null";
    public const string PagerDutyReceiver = "pagerduty-critical";
    public const string SlackReceiver = "slack-warning";
    public const string EmailReceiver = "email-info";
    public const string RemediationReceiver = "dqe-remediation";

    public static AlertmanagerConfiguration Build(AlertingConfig alerting)
    {
        ArgumentNullException.ThrowIfNull(alerting);
        var global = new AmGlobal(
            ResolveTimeout: "5m",
            SmtpSmarthost: alerting.SmtpSmartHost,
            SmtpFrom: alerting.EmailFrom,
            SmtpAuthUsername: alerting.SmtpUsername,
            SmtpAuthPasswordFile: AlertmanagerSecretFile(ReceiverKeys.SmtpPassword),
            SmtpRequireTls: true);

        var route = new AmRoute(
            EmailReceiver,
            GroupBy: ["alertname", "namespace", "severity"],
            GroupWait: "30s",
            GroupInterval: "5m",
            RepeatInterval: "4h",
            Routes:
            [
                // kube-prometheus-stack's always-firing heartbeat and its inhibitor helper are not for humans.
                new AmRoute(NullReceiver, Matchers: ["alertname=~\"Watchdog|InfoInhibitor\""]),
                // One notification per alert ('...' groups by all labels) so each names exactly one target to fix;
                // continue: the humans are still told through the severity routes below.
                new AmRoute(RemediationReceiver, Matchers: ["remediation=~\".+\"", "remediation!=\"none\""],
                    GroupBy: ["..."], GroupWait: "10s", GroupInterval: "1m", RepeatInterval: "30m", Continue: true),
                new AmRoute(PagerDutyReceiver, Matchers: [$"severity=\"{Severity.Critical}\""], RepeatInterval: "1h"),
                new AmRoute(SlackReceiver, Matchers: [$"severity=\"{Severity.Warning}\""]),
                new AmRoute(EmailReceiver, Matchers: [$"severity=\"{Severity.Info}\""], RepeatInterval: "24h"),
            ]);

        AmReceiver[] receivers =
        [
            new(NullReceiver),
            new(PagerDutyReceiver, PagerdutyConfigs:
                [new AmPagerDutyConfig(AlertmanagerSecretFile(ReceiverKeys.PagerDutyRoutingKey), "{{ .CommonLabels.severity }}")]),
            new(SlackReceiver, SlackConfigs:
            [
                new AmSlackConfig(AlertmanagerSecretFile(ReceiverKeys.SlackWebhookUrl), alerting.SlackChannel,
                    "[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}",
                    "{{ range .Alerts }}{{ .Annotations.summary }} ({{ .Labels.namespace }}) {{ .Annotations.runbook_url }}\n{{ end }}"),
            ]),
            new(EmailReceiver, EmailConfigs: [new AmEmailConfig(alerting.EmailTo)]),
            new(RemediationReceiver, WebhookConfigs:
            [
                new AmWebhookConfig(alerting.RemediationWebhookUrl,
                    new AmHttpConfig(new AmAuthorization(AlertmanagerSecretFile(ReceiverKeys.RemediationToken)), new AmTlsConfig()),
                    MaxAlerts: 20),
            ]),
        ];

        AmInhibitRule[] inhibitions =
        [
            new([$"alertname=\"{ClusterAlertRules.NodeNotReady}\""], [$"alertname=~\"{string.Join('|', ClusterAlertRules.PodAlerts)}\""], ["node"]),
            new([$"severity=\"{Severity.Critical}\""], [$"severity=~\"{Severity.Warning}|{Severity.Info}\""], ["alertname", "namespace"]),
        ];

        return new AlertmanagerConfiguration(global, route, receivers, inhibitions);
    }
}
