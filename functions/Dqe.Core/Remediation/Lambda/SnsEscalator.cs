using System.Text;
using System.Text.RegularExpressions;
using Dqe.Core.Kubernetes;

namespace Dqe.Core.Remediation.Lambda;

/// <summary>
/// The AWS <see cref="IEscalator"/>: publishes the page to the escalation topic (SNS Publish, query protocol,
/// SigV4) and audits it. Subject and message say which alert, which target, what was tried and why it was not enough.
/// </summary>
public sealed partial class SnsEscalator : IEscalator
{
    private readonly AwsSignedClient _aws;
    private readonly string _topicArn;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly Uri _endpoint;

    internal SnsEscalator(AwsSignedClient aws, string topicArn, IAuditLog audit, TimeProvider time, Uri? endpoint = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicArn);
        _aws = aws;
        _topicArn = topicArn;
        _audit = audit;
        _time = time;
        _endpoint = endpoint ?? new Uri($"https://sns.{aws.Region}.amazonaws.com/");
    }

    public async Task EscalateAsync(RemediationDecision decision, string whatWasTried, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var target = decision.Target?.Key ?? "no target";
        // SNS subjects are at most 100 printable ASCII characters without line breaks.
        var subject = $"Dqe remediation needs a human: {decision.Alert.AlertName} on {target}";
        subject = new string([.. subject.Where(c => c is >= ' ' and <= '~')]);
        subject = subject.Length <= 100 ? subject : subject[..100];
        var message = new StringBuilder()
            .AppendLine($"Alert: {decision.Alert.AlertName} (fingerprint {decision.Alert.Fingerprint}, firing since {decision.Alert.StartsAt:O})")
            .AppendLine($"Target: {target}")
            .AppendLine($"Action: {decision.Action}")
            .AppendLine($"Tried: {whatWasTried}")
            .AppendLine($"Runbook: {decision.Alert.Annotations.GetValueOrDefault("runbook_url", "-")}")
            .ToString();
        var form = $"Action=Publish&Version=2010-03-31&TopicArn={Uri.EscapeDataString(_topicArn)}&Subject={Uri.EscapeDataString(subject)}&Message={Uri.EscapeDataString(message)}";
        var (status, body) = await _aws.PostAsync(_endpoint, "sns", "application/x-www-form-urlencoded; charset=utf-8", null, Encoding.UTF8.GetBytes(form), cancellationToken).ConfigureAwait(false);
        if (status is < 200 or >= 300)
        {
            var code = ErrorCode().Match(body) is { Success: true } m ? m.Groups[1].Value : $"HTTP {status}";
            var text = ErrorMessage().Match(body) is { Success: true } t ? t.Groups[1].Value : "";
            throw new InvalidOperationException($"SNS Publish to {_topicArn} failed: {code} {text}".TrimEnd());
        }

        await _audit.AppendAsync(RemediationAudit.Of(decision, "escalate", DecisionOutcome.Escalate, $"paged a human; tried: {whatWasTried}", _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex("<Code>([^<]*)</Code>")]
    private static partial Regex ErrorCode();

    [GeneratedRegex("<Message>([^<]*)</Message>")]
    private static partial Regex ErrorMessage();
}
