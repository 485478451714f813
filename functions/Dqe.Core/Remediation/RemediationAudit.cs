namespace Dqe.Core.Remediation;

/// <summary>Builds audit records from decisions and steps, so every writer records the same who/what/why/result.</summary>
public static class RemediationAudit
{
    public const string Actor = "dqe-remediation";

    public static AuditRecord Of(RemediationDecision decision, string step, string outcome, string reason, DateTimeOffset at) =>
        new(
            $"{decision.Id}-{step}",
            at,
            Actor,
            step,
            decision.Alert.Fingerprint,
            decision.Alert.AlertName,
            decision.Action,
            decision.Target?.Key ?? "",
            outcome,
            reason,
            decision.DryRun);
}
