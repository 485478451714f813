using System.Text.Json.Nodes;
using Dqe.Cdk.Config;
using Dqe.Cdk.Observability;
using Dqe.Cdk.Observability.Alertmanager;
using Dqe.Cdk.Observability.Rules;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Observability.Alertmanager;

public sealed class AlertmanagerConfigTests
{
    private static readonly Lazy<string> ConfigFile = new(() => WriteConfig(new AlertingConfig()));

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    [InlineData("dr")]
    public void CheckConfig_GeneratedFromCdkJson_Passes(string env)
    {
        var dir = WriteConfig(Synth.Config(env).Observability.Alerting);

        var result = PrometheusTools.Amtool(dir, "check-config", "alertmanager.yml");

        Assert.True(result.Ok, $"amtool check-config failed for {env}:\n{result.Output}");
        Assert.Contains("SUCCESS", result.Output, StringComparison.Ordinal);
        Assert.Contains("5 receivers", result.Output, StringComparison.Ordinal);
        Assert.Contains("2 inhibit rules", result.Output, StringComparison.Ordinal);
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

    /// <summary>Writes the rendered config with its secret files pointing into the temp folder (amtool opens them, as Alertmanager opens the mounted secret).</summary>
    private static string WriteConfig(AlertingConfig alerting)
    {
        var dir = PrometheusTools.TempDir();
        var mounted = Path.GetDirectoryName(ObservabilityNames.AlertmanagerSecretFile("x"))!;
        var local = Path.Combine(dir, "secrets");
        Directory.CreateDirectory(local);
        foreach (var key in new[]
        {
            ObservabilityNames.ReceiverKeys.PagerDutyRoutingKey, ObservabilityNames.ReceiverKeys.SlackWebhookUrl,
            ObservabilityNames.ReceiverKeys.SmtpPassword, ObservabilityNames.ReceiverKeys.RemediationToken,
        })
        {
            File.WriteAllText(Path.Combine(local, key), "test-value");
        }

        var rendered = AlertmanagerConfigRenderer.Render(AlertmanagerConfigBuilder.Build(alerting)).ToJsonString();
        PrometheusTools.Write(dir, "alertmanager.yml", JsonNode.Parse(rendered.Replace(mounted, local, StringComparison.Ordinal))!);
        return dir;
    }
}
