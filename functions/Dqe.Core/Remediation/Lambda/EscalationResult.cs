namespace Dqe.Core.Remediation.Lambda;

/// <summary>Whether a human was paged; not when the alert had already resolved.</summary>
public sealed record EscalationResult(bool Paged, string Reason);
