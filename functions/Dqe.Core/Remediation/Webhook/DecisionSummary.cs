namespace Dqe.Core.Remediation.Webhook;

public sealed record DecisionSummary(string Fingerprint, string AlertName, string Action, string Target, string Outcome, string Reason, bool DryRun)
{
    public static DecisionSummary From(RemediationDecision d) =>
        new(d.Alert.Fingerprint, d.Alert.AlertName, d.Action, d.Target?.Key ?? "", d.Outcome, d.Reason, d.DryRun);
}
