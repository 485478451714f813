using Dqe.Core.Remediation.Webhook;

namespace Dqe.Core.Remediation.Actions;

/// <summary>One runbook: which labels name its target, and what it does. <see cref="Execute"/> returns what it did.</summary>
public sealed record RunbookDefinition(
    string Name,
    string Description,
    IReadOnlyList<string> TargetLabels,
    Func<ValidAlert, RemediationTarget?> ResolveTarget,
    Func<ValidAlert, RemediationTarget, CancellationToken, Task<string>> Execute);
