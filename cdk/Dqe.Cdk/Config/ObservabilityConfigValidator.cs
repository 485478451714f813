using System.Globalization;
using System.Text.RegularExpressions;

namespace Dqe.Cdk.Config;

/// <summary>Checks the <c>observability</c> section; each message names the cdk.json key and the allowed range.</summary>
internal static partial class ObservabilityConfigValidator
{
    private const string Key = "observability";

    public static void Validate(ObservabilityConfig config, int zoneCount, Action<bool, string> check)
    {
        var charts = config.Charts;
        foreach (var (name, version) in new[]
        {
            ("kubePrometheusStack", charts.KubePrometheusStack), ("thanos", charts.Thanos),
            ("fluentBit", charts.FluentBit),
        })
        {
            check(SemVerPattern().IsMatch(version), $"{Key}.charts.{name} = '{version}' must be an exact chart version MAJOR.MINOR.PATCH (no ranges)");
        }

        check(config.PrometheusRetentionDays is >= 1 and <= 90, $"{Key}.prometheusRetentionDays = {config.PrometheusRetentionDays} must be 1-90");
        check(config.PrometheusStorageGb is >= 20 and <= 2000, $"{Key}.prometheusStorageGb = {config.PrometheusStorageGb} must be 20-2000");
        ValidateThanos(config.Thanos, check);
        ValidateAlerting(config.Alerting, check);
        ValidateLogs(config.Logs, zoneCount, check);
    }

    private static void ValidateThanos(ThanosConfig thanos, Action<bool, string> check)
    {
        check(thanos.RawRetentionDays is >= 2 and <= 3650, $"{Key}.thanos.rawRetentionDays = {thanos.RawRetentionDays} must be 2-3650 (5m downsampling needs 40h of raw data)");
        var minFive = Math.Max(10, thanos.RawRetentionDays);
        check(thanos.FiveMinuteRetentionDays >= minFive && thanos.FiveMinuteRetentionDays <= 3650,
            $"{Key}.thanos.fiveMinuteRetentionDays = {thanos.FiveMinuteRetentionDays} must be {minFive}-3650 (at least rawRetentionDays and 10 days for 1h downsampling)");
        check(thanos.OneHourRetentionDays >= thanos.FiveMinuteRetentionDays && thanos.OneHourRetentionDays <= 3650,
            $"{Key}.thanos.oneHourRetentionDays = {thanos.OneHourRetentionDays} must be {thanos.FiveMinuteRetentionDays}-3650 (at least fiveMinuteRetentionDays)");
        check(thanos.CompactorStorageGb is >= 20 and <= 1000, $"{Key}.thanos.compactorStorageGb = {thanos.CompactorStorageGb} must be 20-1000");
    }

    private static void ValidateAlerting(AlertingConfig alerting, Action<bool, string> check)
    {
        check(Uri.TryCreate(alerting.RemediationWebhookUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps,
            $"{Key}.alerting.remediationWebhookUrl = '{alerting.RemediationWebhookUrl}' must be an absolute https:// URL (the bearer token must not travel in clear)");
        check(Uri.TryCreate(alerting.RunbookBaseUrl, UriKind.Absolute, out var runbooks) && runbooks.Scheme == Uri.UriSchemeHttps && runbooks.Fragment.Length == 0,
            $"{Key}.alerting.runbookBaseUrl = '{alerting.RunbookBaseUrl}' must be an absolute https:// URL without a #fragment");
        check(SlackChannelPattern().IsMatch(alerting.SlackChannel), $"{Key}.alerting.slackChannel = '{alerting.SlackChannel}' must be a channel name like #dqe-alerts");
        check(EmailPattern().IsMatch(alerting.EmailTo), $"{Key}.alerting.emailTo = '{alerting.EmailTo}' is not an email address");
        check(EmailPattern().IsMatch(alerting.EmailFrom), $"{Key}.alerting.emailFrom = '{alerting.EmailFrom}' is not an email address");
        check(HostPortPattern().IsMatch(alerting.SmtpSmartHost), $"{Key}.alerting.smtpSmartHost = '{alerting.SmtpSmartHost}' must be host:port");
        check(alerting.SmtpUsername.Length is > 0 and <= 128, $"{Key}.alerting.smtpUsername must be 1-128 characters");

        var t = alerting.Thresholds;
        const string th = $"{Key}.alerting.thresholds";
        check(t.TrinoFailureRatio is >= 0.001 and <= 1, $"{th}.trinoFailureRatio = {Format(t.TrinoFailureRatio)} must be 0.001-1");
        check(t.TrinoQueuedQueries is >= 1 and <= 10000, $"{th}.trinoQueuedQueries = {t.TrinoQueuedQueries} must be 1-10000");
        check(t.TrinoMinWorkers is >= 1 and <= 1000, $"{th}.trinoMinWorkers = {t.TrinoMinWorkers} must be 1-1000");
        check(t.TrinoP95LatencySeconds is >= 1 and <= 86400, $"{th}.trinoP95LatencySeconds = {t.TrinoP95LatencySeconds} must be 1-86400");
        check(t.ClickHouseReplicationDelaySeconds is >= 1 and <= 86400, $"{th}.clickHouseReplicationDelaySeconds = {t.ClickHouseReplicationDelaySeconds} must be 1-86400");
        check(t.ClickHouseMaxPartsPerPartition is >= 10 and <= 10000, $"{th}.clickHouseMaxPartsPerPartition = {t.ClickHouseMaxPartsPerPartition} must be 10-10000");
        check(t.PvcUsedRatio is >= 0.5 and <= 0.99, $"{th}.pvcUsedRatio = {Format(t.PvcUsedRatio)} must be 0.5-0.99");
    }

    private static void ValidateLogs(LogsConfig logs, int zoneCount, Action<bool, string> check)
    {
        check(OpenSearchVersionPattern().IsMatch(logs.OpenSearchVersion), $"{Key}.logs.openSearchVersion = '{logs.OpenSearchVersion}' must be MAJOR.MINOR of OpenSearch 1.x or 2.x (e.g. 2.13)");
        check(SearchInstancePattern().IsMatch(logs.DataNodeInstanceType), $"{Key}.logs.dataNodeInstanceType = '{logs.DataNodeInstanceType}' must be an OpenSearch instance type (e.g. r6g.large.search)");
        check(!logs.DataNodeInstanceType.StartsWith("t2.", StringComparison.Ordinal), $"{Key}.logs.dataNodeInstanceType = '{logs.DataNodeInstanceType}': t2 types support no encryption at rest");
        check(logs.DataNodes is >= 1 and <= 30 && (logs.DataNodes == 1 || logs.DataNodes % Math.Max(1, zoneCount) == 0),
            $"{Key}.logs.dataNodes = {logs.DataNodes} must be 1, or a multiple of the {zoneCount} zones up to 30 (zone awareness)");
        check(logs.VolumeSizeGb is >= 10 and <= 3000, $"{Key}.logs.volumeSizeGb = {logs.VolumeSizeGb} must be 10-3000");
        check(logs.IndexRetentionDays is >= 1 and <= 3650, $"{Key}.logs.indexRetentionDays = {logs.IndexRetentionDays} must be 1-3650");
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemVerPattern();

    [GeneratedRegex(@"^#[a-z0-9][a-z0-9._-]{0,79}$")]
    private static partial Regex SlackChannelPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[a-z0-9.-]+:\d{1,5}$")]
    private static partial Regex HostPortPattern();

    [GeneratedRegex(@"^[12]\.\d{1,2}$")]
    private static partial Regex OpenSearchVersionPattern();

    [GeneratedRegex(@"^[a-z0-9]+\.[a-z0-9]+\.search$")]
    private static partial Regex SearchInstancePattern();
}
