namespace Dqe.Core.Remediation.Webhook;

/// <summary>The webhook's JSON answer: the error for a refusal, or one line per alert decided.</summary>
public sealed record WebhookReply(int Status, string? Error, string? Field, IReadOnlyList<DecisionSummary> Decisions);
