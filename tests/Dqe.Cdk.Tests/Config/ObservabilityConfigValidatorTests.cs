using System.Text.Json.Nodes;
using Dqe.Cdk.Config;
using Dqe.Cdk.Tests.TestHelpers;

namespace Dqe.Cdk.Tests.Config;

public sealed class ObservabilityConfigValidatorTests
{
    [Theory]
    [InlineData("charts.kubePrometheusStack", "\"^65.0.0\"", "observability.charts.kubePrometheusStack")]
    [InlineData("prometheusRetentionDays", "0", "observability.prometheusRetentionDays = 0 must be 1-90")]
    [InlineData("prometheusStorageGb", "5", "observability.prometheusStorageGb = 5 must be 20-2000")]
    [InlineData("thanos.rawRetentionDays", "1", "observability.thanos.rawRetentionDays = 1 must be 2-3650")]
    [InlineData("thanos.fiveMinuteRetentionDays", "5", "observability.thanos.fiveMinuteRetentionDays = 5 must be 30-3650")]
    [InlineData("thanos.oneHourRetentionDays", "100", "observability.thanos.oneHourRetentionDays = 100 must be 180-3650")]
    [InlineData("alerting.remediationWebhookUrl", "\"http://remediation.internal/alerts\"", "observability.alerting.remediationWebhookUrl")]
    [InlineData("alerting.runbookBaseUrl", "\"https://x.example.com/r#a\"", "observability.alerting.runbookBaseUrl")]
    [InlineData("alerting.slackChannel", "\"dqe-alerts\"", "observability.alerting.slackChannel")]
    [InlineData("alerting.emailTo", "\"oncall\"", "observability.alerting.emailTo")]
    [InlineData("alerting.smtpSmartHost", "\"smtp.example.com\"", "observability.alerting.smtpSmartHost")]
    [InlineData("alerting.thresholds.trinoFailureRatio", "2", "observability.alerting.thresholds.trinoFailureRatio = 2 must be 0.001-1")]
    [InlineData("alerting.thresholds.trinoMinWorkers", "0", "observability.alerting.thresholds.trinoMinWorkers = 0 must be 1-1000")]
    [InlineData("alerting.thresholds.pvcUsedRatio", "0.999", "observability.alerting.thresholds.pvcUsedRatio = 0.999 must be 0.5-0.99")]
    [InlineData("logs.openSearchVersion", "\"OpenSearch_2.13\"", "observability.logs.openSearchVersion")]
    [InlineData("logs.dataNodeInstanceType", "\"t2.small.search\"", "t2 types support no encryption at rest")]
    [InlineData("logs.dataNodes", "4", "observability.logs.dataNodes = 4 must be 1, or a multiple of the 3 zones")]
    [InlineData("logs.indexRetentionDays", "0", "observability.logs.indexRetentionDays = 0 must be 1-3650")]
    public void Load_BadObservabilityValue_FailsNamingTheKey(string path, string json, string message)
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("staging", ctx => Set(ctx, path, JsonNode.Parse(json))));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("env 'staging':", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownObservabilityKey_Fails()
    {
        var error = Assert.Throws<ConfigException>(() => Synth.Config("staging", ctx => Set(ctx, "logs.retentionDays", JsonNode.Parse("3"))));

        Assert.Contains("retentionDays", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev", 1, 7, "#dqe-alerts-dev")]
    [InlineData("staging", 3, 14, "#dqe-alerts-staging")]
    [InlineData("prod", 6, 30, "#dqe-alerts")]
    [InlineData("dr", 3, 30, "#dqe-alerts")]
    public void Load_CdkJson_MergesObservabilityPerEnvironment(string env, int dataNodes, int indexRetention, string channel)
    {
        var config = Synth.Config(env).Observability;

        Assert.Equal(dataNodes, config.Logs.DataNodes);
        Assert.Equal(indexRetention, config.Logs.IndexRetentionDays);
        Assert.Equal(channel, config.Alerting.SlackChannel);
        Assert.Equal(30, config.PrometheusRetentionDays);
    }

    [Fact]
    public void Defaults_OfTheRecords_MatchCdkJsonDefaults()
    {
        // The promtool cases are written against the record defaults; cdk.json must not silently drift from them.
        var fromJson = Synth.Config("staging").Observability.Alerting.Thresholds;

        Assert.Equal(new AlertThresholdsConfig(), fromJson);
    }

    private static void Set(JsonObject context, string path, JsonNode? value)
    {
        var node = context["dqe:environments"]!["staging"]!.AsObject();
        var parts = ("observability." + path).Split('.');
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }
}
