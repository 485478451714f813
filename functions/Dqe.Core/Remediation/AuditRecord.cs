namespace Dqe.Core.Remediation;

/// <summary>
/// One audited decision or step: who (<see cref="Actor"/>), what (<see cref="Action"/> on <see cref="Target"/>),
/// why (<see cref="Reason"/>) and the result (<see cref="Outcome"/>). Written to the audit store and the logs.
/// </summary>
public sealed record AuditRecord(
    string Id,
    DateTimeOffset At,
    string Actor,
    string Step,
    string Fingerprint,
    string AlertName,
    string Action,
    string Target,
    string Outcome,
    string Reason,
    bool DryRun);
