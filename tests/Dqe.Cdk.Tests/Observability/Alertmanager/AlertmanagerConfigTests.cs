using System.Text.Json.Nodes;
using Dqe.Cdk.Config;
using Dqe.Cdk.Observability;
using Dqe.Cdk.Observability.Alertmanager;
using Dqe.Cdk.Observability.Rules;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Observability.Alertmanager;

public sealed class AlertmanagerConfigTests
{
    private static readonly Lazy<string> ConfigFile = new(() =>
    {
        var dir = PrometheusTools.TempDir();
        // The receivers' secret files must exist for amtool to accept *_file settings, as the mounted secret does.
        var secrets = Path.GetDirectoryName(ObservabilityNames.AlertmanagerSecretFile("x"))!;
        var rendered = AlertmanagerConfigRenderer.Render(AlertmanagerConfigBuilder.Build(new AlertingConfig())).ToJsonString();
        var localSecrets = Path.Combine(dir, "secrets");
        Directory.CreateDirectory(localSecrets);
        foreach (var key in new[]
        {
            ObservabilityNames.ReceiverKeys.PagerDutyRoutingKey, ObservabilityNames.ReceiverKeys.SlackWebhookUrl,
            ObservabilityNames.ReceiverKeys.SmtpPassword, ObservabilityNames.ReceiverKeys.RemediationToken,
        })
        {
            File.WriteAllText(Path.Combine(localSecrets, key), "test-value");
        }

        PrometheusTools.Write(dir, "alertmanager.yml", JsonNode.Parse(rendered.Replace(secrets, localSecrets, StringComparison.Ordinal))!);
        return dir;
    });

    [Fact]
    public void CheckConfig_Generated_Passes()
    {
        var result = PrometheusTools.Amtool(ConfigFile.Value, "check-config", "alertmanager.yml");

        Assert.True(result.Ok, $"amtool check-config failed:\n{result.Output}");
        Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckConfig_BrokenRoute_Fails()
    {
        // Guards the harness: amtool must reject a route to a receiver that does not exist.
        var dir = PrometheusTools.TempDir();
        var config = AlertmanagerConfigBuilder.Build(new AlertingConfig());
        PrometheusTools.Write(dir, "alertmanager.yml", AlertmanagerConfigRenderer.Render(config with { Route = config.Route with { Receiver = "nowhere" } }));

        Assert.False(PrometheusTools.Amtool(dir, "check-config", "alertmanager.yml").Ok);
    }

    [Theory]
    [InlineData("severity=critical remediation=none", "pagerduty-critical")]
    [InlineData("severity=warning remediation=none", "slack-warning")]
    [InlineData("severity=info remediation=none", "email-info")]
    [InlineData("severity=critical remediation=drain-node", "dqe-remediation,pagerduty-critical")]
    [InlineData("severity=warning remediation=restart-pod", "dqe-remediation,slack-warning")]
    [InlineData("alertname=Watchdog severity=none", "null")]
    [InlineData("severity=unknown", "email-info")]
    public void RoutesTest_Labels_ReachExpectedReceivers(string labels, string receivers)
    {
        var result = PrometheusTools.Amtool(ConfigFile.Value, ["config", "routes", "test", "--config.file=alertmanager.yml", .. labels.Split(' ')]);

        Assert.True(result.Ok, result.Output);
        Assert.Equal(receivers, result.Stdout.Trim());
    }

    [Fact]
    public void Receivers_Credentials_AreFilesFromTheMountedSecret()
    {
        var json = AlertmanagerConfigRenderer.Render(AlertmanagerConfigBuilder.Build(new AlertingConfig())).ToJsonString();

        foreach (var literal in new[] { "\"routing_key\"", "\"service_key\"", "\"api_url\"", "\"credentials\"", "\"smtp_auth_password\"", "\"password\"" })
        {
            Assert.DoesNotContain(literal, json, StringComparison.Ordinal);
        }

        var secretDir = $"/etc/alertmanager/secrets/{ObservabilityNames.AlertmanagerSecret}/";
        Assert.Contains($"\"routing_key_file\":\"{secretDir}pagerduty-routing-key\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"api_url_file\":\"{secretDir}slack-webhook-url\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"credentials_file\":\"{secretDir}remediation-token\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"smtp_auth_password_file\":\"{secretDir}smtp-password\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Webhook_Url_ComesFromConfigWithBearerAuth()
    {
        var config = AlertmanagerConfigBuilder.Build(new AlertingConfig { RemediationWebhookUrl = "https://automation.example.com/hook" });

        var webhook = Assert.Single(config.Receivers.Single(r => r.Name == AlertmanagerConfigBuilder.RemediationReceiver).WebhookConfigs!);
        Assert.Equal("https://automation.example.com/hook", webhook.Url);
        Assert.Equal("Bearer", webhook.HttpConfig.Authorization.Type);
        Assert.Equal("TLS12", webhook.HttpConfig.TlsConfig.MinVersion);
    }

    [Fact]
    public void Inhibition_NodeNotReady_MutesPodAlertsOnThatNode()
    {
        var config = AlertmanagerConfigBuilder.Build(new AlertingConfig());

        var rule = Assert.Single(config.InhibitRules, r => r.SourceMatchers.Contains("alertname=\"DqeNodeNotReady\""));
        Assert.Equal(["node"], rule.Equal);
        Assert.Contains("DqePodCrashLooping", Assert.Single(rule.TargetMatchers), StringComparison.Ordinal);
        // Every pod alert the inhibition names must really exist and carry a node label in its expression.
        var rules = DqeAlertRules.For(new AlertThresholdsConfig()).SelectMany(g => g.Rules).ToDictionary(r => r.Name);
        Assert.All(ClusterAlertRules.PodAlerts, name => Assert.Contains("node", rules[name].Expr, StringComparison.Ordinal));
    }
}
